<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>PictureText</name>
    <message numerus="yes">
        <location filename="../../gui/broadcasting/picture_text.py" line="70" />
        <source>⋮ [{first}:{total}, :, :, :] not drawn: %n more blocks of shape {block}; the table and the code cover them all</source>
        <translation>
            <numerusform>⋮ [{first}:{total}, :, :, :] not drawn: %n more blocks of shape {block}; the table and the code cover them all</numerusform>
            <numerusform>⋮ [{first}:{total}, :, :, :] not drawn: %n more blocks of shape {block}; the table and the code cover them all</numerusform>
        </translation>
    </message>
</context>
</TS>