<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="84"/>
        <source>PyTorch code</source>
        <translation>Código PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="85"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="86"/>
        <source>Copy all the code to the clipboard</source>
        <translation>Copiar todo el código al portapapeles</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="87"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="88"/>
        <source>Copy this &amp;step</source>
        <translation>Copiar este &amp;paso</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="89"/>
        <source>Copy &amp;all</source>
        <translation>Copiar &amp;todo</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="90"/>
        <source>&amp;Wrap long lines</source>
        <translation>&amp;Ajustar líneas largas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="91"/>
        <source>Open as Jupyter &amp;notebook…</source>
        <translation>Abrir como &amp;notebook de Jupyter…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="92"/>
        <source>Export this tab&apos;s code as a notebook</source>
        <translation>Exportar el código de esta pestaña como notebook</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="168"/>
        <source>… {count} earlier steps: Copy gives them all</source>
        <translation>… {count} pasos anteriores: Copiar los da todos</translation>
    </message>
</context>
<context>
    <name>ConsoleDock</name>
    <message>
        <location filename="../../gui/shell/console_dock.py" line="72"/>
        <source>PyTorch console</source>
        <translation>Consola de PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/shell/console_dock.py" line="74"/>
        <source>PyTorch &amp;console</source>
        <translation>&amp;Consola de PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/shell/console_dock.py" line="76"/>
        <source>Loading PyTorch…</source>
        <translation>Cargando PyTorch…</translation>
    </message>
</context>
<context>
    <name>DropHandler</name>
    <message>
        <location filename="../../gui/shell/drops.py" line="69"/>
        <source>Cannot open this file</source>
        <translation>No se puede abrir este archivo</translation>
    </message>
    <message>
        <location filename="../../gui/shell/drops.py" line="70"/>
        <source>TorchScope cannot open “{name}”. Drop a workspace (.torchscope), a PyTorch tensor file (.pt) or a NumPy array (.npy).</source>
        <translation>TorchScope no puede abrir «{name}». Suelta un espacio de trabajo (.torchscope), un archivo de tensores de PyTorch (.pt) o un array de NumPy (.npy).</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <location filename="../../gui/shell/loading_page.py" line="64"/>
        <source>Loading PyTorch…</source>
        <translation>Cargando PyTorch…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/loading_page.py" line="66"/>
        <source>This tab could not be loaded:</source>
        <translation>No se pudo cargar esta pestaña:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/shell/main_window.py" line="140"/>
        <source>Tensors</source>
        <translation>Tensores</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="141"/>
        <source>Broadcasting</source>
        <translation>Broadcasting</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="142"/>
        <source>Datasets</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="143"/>
        <source>Autograd</source>
        <translation>Autograd</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="147"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="148"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="149"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="150"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="151"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="152"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="153"/>
        <source>&amp;About TorchScope</source>
        <translation>&amp;Acerca de TorchScope</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="155"/>
        <source>Loading PyTorch…</source>
        <translation>Cargando PyTorch…</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="164"/>
        <location filename="../../gui/shell/main_window.py" line="181"/>
        <source>Loading PyTorch</source>
        <translation>Cargando PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="187"/>
        <source>PyTorch {version} ready</source>
        <translation>PyTorch {version} listo</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="219"/>
        <source>{job} failed: {message}</source>
        <translation>{job} falló: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="223"/>
        <source>{job} cancelled</source>
        <translation>{job} cancelado</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="257"/>
        <source>TorchScope makes PyTorch&apos;s fundamentals visible.</source>
        <translation>TorchScope hace visibles los fundamentos de PyTorch.</translation>
    </message>
    <message>
        <location filename="../../gui/shell/main_window.py" line="270"/>
        <source>About TorchScope</source>
        <translation>Acerca de TorchScope</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <location filename="../../gui/shell/recent_menu.py" line="35"/>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../../gui/shell/recent_menu.py" line="36"/>
        <source>Remove &amp;missing files</source>
        <translation>Quitar archivos &amp;inexistentes</translation>
    </message>
    <message>
        <location filename="../../gui/shell/recent_menu.py" line="37"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Vaciar lista</translation>
    </message>
    <message>
        <location filename="../../gui/shell/recent_menu.py" line="50"/>
        <source>No recent workspaces</source>
        <translation>No hay espacios de trabajo recientes</translation>
    </message>
    <message>
        <location filename="../../gui/shell/recent_menu.py" line="65"/>
        <source>{entry} (missing)</source>
        <translation>{entry} (no existe)</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../gui/shell/status_area.py" line="49"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/shell/status_area.py" line="50"/>
        <source>Cancel the running jobs</source>
        <translation>Cancelar los trabajos en curso</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <location filename="../../gui/shell/theme_menu.py" line="31"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../../gui/shell/theme_menu.py" line="32"/>
        <source>&amp;System</source>
        <translation>Del &amp;sistema</translation>
    </message>
    <message>
        <location filename="../../gui/shell/theme_menu.py" line="32"/>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <location filename="../../gui/shell/theme_menu.py" line="33"/>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
</context>
</TS>
