<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="77"/>
        <source>PyTorch code</source>
        <translation>Código PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="78"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="79"/>
        <source>Copy all the code to the clipboard</source>
        <translation>Copiar todo el código al portapapeles</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="80"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <location filename="../../gui/shell/loading_page.py" line="33"/>
        <source>Loading PyTorch…</source>
        <translation>Cargando PyTorch…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/loading_page.py" line="35"/>
        <source>This tab could not be loaded:</source>
        <translation>No se pudo cargar esta pestaña:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/shell/main_window.py" line="107"/>
        <source>Tensors</source>
        <translation>Tensores</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="108"/>
        <source>Broadcasting</source>
        <translation>Broadcasting</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="109"/>
        <source>Datasets</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="110"/>
        <source>Autograd</source>
        <translation>Autograd</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="114"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="115"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="116"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="117"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="118"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="119"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="120"/>
        <source>&amp;About TorchScope</source>
        <translation>&amp;Acerca de TorchScope</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="122"/>
        <source>Loading PyTorch…</source>
        <translation>Cargando PyTorch…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="136"/>
        <source>Loading PyTorch</source>
        <translation>Cargando PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="148"/>
        <source>PyTorch {version} ready</source>
        <translation>PyTorch {version} listo</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="177"/>
        <source>{job} failed: {message}</source>
        <translation>{job} falló: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="181"/>
        <source>{job} cancelled</source>
        <translation>{job} cancelado</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="215"/>
        <source>TorchScope makes PyTorch&apos;s fundamentals visible.</source>
        <translation>TorchScope hace visibles los fundamentos de PyTorch.</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="226"/>
        <source>About TorchScope</source>
        <translation>Acerca de TorchScope</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../gui/shell/status_area.py" line="32"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/shell/status_area.py" line="33"/>
        <source>Cancel the running jobs</source>
        <translation>Cancelar los trabajos en curso</translation>
    </message>
</context>
</TS>
