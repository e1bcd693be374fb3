<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ConsolePanel</name>
    <message>
        <location filename="../../gui/console/panel.py" line="107"/>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="108"/>
        <source>Run what is typed (Enter)</source>
        <translation>Ejecutar lo escrito (Intro)</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="109"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="110"/>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="111"/>
        <source>Clear the transcript; names stay defined</source>
        <translation>Limpiar la transcripción; los nombres siguen definidos</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="112"/>
        <source>Enter runs · Shift+Enter: new line · ↑/↓: history</source>
        <translation>Intro ejecuta · Mayús+Intro: nueva línea · ↑/↓: historial</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="113"/>
        <source>Type PyTorch as the study note writes it, or paste a whole cell: it runs statement by statement.</source>
        <translation>Escribe PyTorch como lo escriben los apuntes, o pega una celda entera: se ejecuta sentencia a sentencia.</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="115"/>
        <source>a = torch.tensor([[1, 2], [3, 4]])</source>
        <translation>a = torch.tensor([[1, 2], [3, 4]])</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="116"/>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="117"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="127"/>
        <source>Still running: wait, or press Cancel.</source>
        <translation>Aún se está ejecutando: espera o pulsa Cancelar.</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="144"/>
        <source>Console</source>
        <translation>Consola</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="139"/>
        <location filename="../../gui/console/panel.py" line="182"/>
        <source>Cancelled. The statements before it took effect.</source>
        <translation>Cancelado. Las sentencias anteriores sí se ejecutaron.</translation>
    </message>
    <message>
        <location filename="../../gui/console/panel.py" line="223"/>
        <source>Press ↑ in the input to edit what you typed.</source>
        <translation>Pulsa ↑ en la entrada para corregir lo que escribiste.</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <location filename="../../gui/console/transcript.py" line="101"/>
        <source>… ({count} more characters not shown)</source>
        <translation>… ({count} caracteres más sin mostrar)</translation>
    </message>
</context>
</TS>
