<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ShapeSection</name>
    <message numerus="yes">
        <location filename="../../gui/tensors/memory_shape.py" line="223" />
        <source>storage[{cell}] is read by %n element(s) of {name}</source>
        <translation>
            <numerusform>storage[{cell}] is read by %n element of {name}</numerusform>
            <numerusform>storage[{cell}] is read by %n elements of {name}</numerusform>
        </translation>
    </message>
</context>
</TS>