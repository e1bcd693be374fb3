<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>PictureMenu</name>
    <message>
        <location filename="../../gui/session/picture_export.py" line="164"/>
        <source>Save picture as PNG…</source>
        <translation>Guardar imagen como PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="165"/>
        <source>Save picture as SVG…</source>
        <translation>Guardar imagen como SVG…</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="179"/>
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="179"/>
        <source>SVG drawing</source>
        <translation>Dibujo SVG</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="180"/>
        <source>Save picture</source>
        <translation>Guardar imagen</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="187"/>
        <source>Picture not saved</source>
        <translation>Imagen no guardada</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <location filename="../../gui/session/actions.py" line="109"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="110"/>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Abrir espacio de trabajo…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="111"/>
        <source>&amp;Save workspace</source>
        <translation>&amp;Guardar espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="112"/>
        <source>Save workspace &amp;as…</source>
        <translation>Guardar espacio de trabajo &amp;como…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="113"/>
        <source>Export session as &amp;script…</source>
        <translation>Exportar la sesión como &amp;script…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="114"/>
        <source>Export session as &amp;notebook…</source>
        <translation>Exportar la sesión como &amp;notebook…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="115"/>
        <source>Export current &amp;tensor…</source>
        <translation>Exportar el &amp;tensor actual…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="155"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="156"/>
        <source>The workspace has changes that are not saved. Save them first?</source>
        <translation>El espacio de trabajo tiene cambios sin guardar. ¿Guardarlos primero?</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="174"/>
        <source>Closing after the workspace is saved…</source>
        <translation>Se cerrará cuando termine de guardarse el espacio de trabajo…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="214"/>
        <source>Saving workspace</source>
        <translation>Guardando el espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="224"/>
        <source>Workspace saved to {path}</source>
        <translation>Espacio de trabajo guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="230"/>
        <source>Workspace not saved</source>
        <translation>Espacio de trabajo no guardado</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="251"/>
        <source>Opening workspace</source>
        <translation>Abriendo el espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="256"/>
        <source>Workspace not opened</source>
        <translation>Espacio de trabajo no abierto</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="274"/>
        <source>Opened {file}: {tensors} tensors, {steps} steps</source>
        <translation>Abierto {file}: {tensors} tensores, {steps} pasos</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="293"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="294"/>
        <source>Nothing to export yet: take a step in any tab first.</source>
        <translation>Aún no hay nada que exportar: da primero un paso en cualquier pestaña.</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="300"/>
        <source>Exporting session</source>
        <translation>Exportando la sesión</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="302"/>
        <source>Session exported to {path}</source>
        <translation>Sesión exportada a {path}</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="304"/>
        <source>Session not exported</source>
        <translation>Sesión no exportada</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="321"/>
        <location filename="../../gui/session/actions.py" line="334"/>
        <source>Export tensor</source>
        <translation>Exportar tensor</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="322"/>
        <source>Tensor to export:</source>
        <translation>Tensor que exportar:</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="335"/>
        <source>There is no tensor to export yet: create one in the Tensors tab.</source>
        <translation>Aún no hay ningún tensor que exportar: crea uno en la pestaña Tensores.</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="342"/>
        <source>Exporting tensor</source>
        <translation>Exportando el tensor</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="345"/>
        <source>Tensor not exported</source>
        <translation>Tensor no exportado</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="348"/>
        <source>Saved {name} to {path}.</source>
        <translation>{name} guardado en {path}.</translation>
    </message>
</context>
<context>
    <name>SessionExport</name>
    <message>
        <location filename="../../gui/session/dialogs.py" line="57"/>
        <source>Export session as notebook</source>
        <translation>Exportar la sesión como notebook</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="58"/>
        <source>Jupyter notebook</source>
        <translation>Notebook de Jupyter</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="60"/>
        <source>Export session as script</source>
        <translation>Exportar la sesión como script</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="61"/>
        <source>Python script</source>
        <translation>Script de Python</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="66"/>
        <source>Export tensor “{name}”</source>
        <translation>Exportar el tensor «{name}»</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="67"/>
        <source>PyTorch tensor</source>
        <translation>Tensor de PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="68"/>
        <source>NumPy array</source>
        <translation>Array de NumPy</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="69"/>
        <source>CSV table</source>
        <translation>Tabla CSV</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="75"/>
        <source>Save workspace</source>
        <translation>Guardar espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="76"/>
        <location filename="../../gui/session/dialogs.py" line="82"/>
        <source>TorchScope workspace</source>
        <translation>Espacio de trabajo de TorchScope</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="81"/>
        <source>Open workspace</source>
        <translation>Abrir espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="83"/>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
</context>
<context>
    <name>SessionPictureExport</name>
    <message>
        <location filename="../../gui/session/picture_export.py" line="36"/>
        <source>Could not write {path}.</source>
        <translation>No se pudo escribir {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="89"/>
        <source>Pictures can be saved as .png or .svg, not &apos;{suffix}&apos;.</source>
        <translation>Las imágenes se pueden guardar como .png o .svg, no como &apos;{suffix}&apos;.</translation>
    </message>
</context>
</TS>
