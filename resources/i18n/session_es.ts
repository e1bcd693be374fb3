<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>SessionExport</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="19"/>
        <location filename="../../gui/export_dialog.py" line="30"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="20"/>
        <source>Nothing to export yet: take a step in any tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="22"/>
        <source>Export session as Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="31"/>
        <source>Could not write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
