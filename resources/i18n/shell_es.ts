<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="70"/>
        <source>PyTorch code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="71"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="72"/>
        <source>Copy all the code to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/widgets/code_panel.py" line="73"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <location filename="../../gui/tabs/loading_page.py" line="33"/>
        <source>Loading PyTorch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tabs/loading_page.py" line="35"/>
        <source>This tab could not be loaded:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="103"/>
        <source>Tensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="104"/>
        <source>Broadcasting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="105"/>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106"/>
        <source>Autograd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="113"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116"/>
        <source>&amp;About TorchScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118"/>
        <source>Loading PyTorch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130"/>
        <source>Loading PyTorch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="142"/>
        <source>PyTorch {version} ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="171"/>
        <source>{job} failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="175"/>
        <source>{job} cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="207"/>
        <source>TorchScope makes PyTorch&apos;s fundamentals visible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="218"/>
        <source>About TorchScope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../gui/status_area.py" line="32"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/status_area.py" line="33"/>
        <source>Cancel the running jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
