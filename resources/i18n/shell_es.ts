<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="78" />
        <source>PyTorch code</source>
        <translation>Código PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="79" />
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="80" />
        <source>Copy all the code to the clipboard</source>
        <translation>Copiar todo el código al portapapeles</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="81" />
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>ConsoleDock</name>
    <message>
        <location filename="../../gui/shell/console_dock.py" line="49" />
        <source>PyTorch console</source>
        <translation>Consola de PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/shell/console_dock.py" line="51" />
        <source>Loading PyTorch…</source>
        <translation>Cargando PyTorch…</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <location filename="../../gui/shell/loading_page.py" line="35" />
        <source>Loading PyTorch…</source>
        <translation>Cargando PyTorch…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/loading_page.py" line="37" />
        <source>This tab could not be loaded:</source>
        <translation>No se pudo cargar esta pestaña:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/shell/main_window.py" line="122" />
        <source>Tensors</source>
        <translation>Tensores</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="123" />
        <source>Broadcasting</source>
        <translation>Broadcasting</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="124" />
        <source>Datasets</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="125" />
        <source>Autograd</source>
        <translation>Autograd</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="129" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="130" />
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="131" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="132" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="133" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="134" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="135" />
        <source>&amp;About TorchScope</source>
        <translation>&amp;Acerca de TorchScope</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="137" />
        <source>Loading PyTorch…</source>
        <translation>Cargando PyTorch…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="147" />
        <source>Loading PyTorch</source>
        <translation>Cargando PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="160" />
        <source>PyTorch {version} ready</source>
        <translation>PyTorch {version} listo</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="188" />
        <source>{job} failed: {message}</source>
        <translation>{job} falló: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="192" />
        <source>{job} cancelled</source>
        <translation>{job} cancelado</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="226" />
        <source>TorchScope makes PyTorch's fundamentals visible.</source>
        <translation>TorchScope hace visibles los fundamentos de PyTorch.</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="237" />
        <source>About TorchScope</source>
        <translation>Acerca de TorchScope</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../gui/shell/status_area.py" line="32" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/shell/status_area.py" line="33" />
        <source>Cancel the running jobs</source>
        <translation>Cancelar los trabajos en curso</translation>
    </message>
</context>
</TS>