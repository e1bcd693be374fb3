<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>GraphView</name>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="170" />
        <location filename="../../gui/autograd/graph_view.py" line="188" />
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="178" />
        <source>{title} ({cls}): %n node(s). Double-click to open.</source>
        <translation>
            <numerusform>{title} ({cls}): %n node. Double-click to open.</numerusform>
            <numerusform>{title} ({cls}): %n nodes. Double-click to open.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="189" />
        <source>%n edge(s)</source>
        <translation>
            <numerusform>%n edge</numerusform>
            <numerusform>%n edges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="190" />
        <source>%n leaf tensor(s)</source>
        <translation>
            <numerusform>%n leaf tensor</numerusform>
            <numerusform>%n leaf tensors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/autograd/graph_view.py" line="193" />
        <source>%n item(s) shown</source>
        <translation>
            <numerusform>%n item shown</numerusform>
            <numerusform>%n items shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodeDetailsPanel</name>
    <message numerus="yes">
        <location filename="../../gui/autograd/details.py" line="209" />
        <source>%n node(s), {params} parameters inside: {classes}</source>
        <translation>
            <numerusform>%n node, {params} parameters inside: {classes}</numerusform>
            <numerusform>%n nodes, {params} parameters inside: {classes}</numerusform>
        </translation>
    </message>
</context>
</TS>