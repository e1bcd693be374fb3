<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>PictureMenu</name>
    <message>
        <location filename="../../gui/session/picture_export.py" line="164" />
        <source>Save picture as PNG…</source>
        <translation>Guardar imagen como PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="165" />
        <source>Save picture as SVG…</source>
        <translation>Guardar imagen como SVG…</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="179" />
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="179" />
        <source>SVG drawing</source>
        <translation>Dibujo SVG</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="180" />
        <source>Save picture</source>
        <translation>Guardar imagen</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="187" />
        <source>Picture not saved</source>
        <translation>Imagen no guardada</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <location filename="../../gui/session/actions.py" line="134" />
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="135" />
        <source>&amp;Open workspace…</source>
        <translation>&amp;Abrir espacio de trabajo…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="136" />
        <source>&amp;Save workspace</source>
        <translation>&amp;Guardar espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="137" />
        <source>Save workspace &amp;as…</source>
        <translation>Guardar espacio de trabajo &amp;como…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="138" />
        <source>Export session as &amp;script…</source>
        <translation>Exportar la sesión como &amp;script…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="139" />
        <source>Export session as &amp;notebook…</source>
        <translation>Exportar la sesión como &amp;notebook…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="140" />
        <source>Export current &amp;tensor…</source>
        <translation>Exportar el &amp;tensor actual…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="183" />
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="184" />
        <source>The workspace has changes that are not saved. Save them first?</source>
        <translation>El espacio de trabajo tiene cambios sin guardar. ¿Guardarlos primero?</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="202" />
        <source>Closing after the workspace is saved…</source>
        <translation>Se cerrará cuando termine de guardarse el espacio de trabajo…</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="223" />
        <source>Saving workspace</source>
        <translation>Guardando el espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="234" />
        <source>Workspace saved to {path}</source>
        <translation>Espacio de trabajo guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="240" />
        <source>Workspace not saved</source>
        <translation>Espacio de trabajo no guardado</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="267" />
        <source>Opening workspace</source>
        <translation>Abriendo el espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="272" />
        <source>Workspace not opened</source>
        <translation>Espacio de trabajo no abierto</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="286" />
        <source>Releasing the previous tensors</source>
        <translation>Liberando los tensores anteriores</translation>
    </message>
    <message>
        <location filename="../../gui/session/actions.py" line="291" />
        <source>Opened {file}: {tensors}, {steps}</source>
        <translation>Abierto {file}: {tensors}, {steps}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/session/actions.py" line="292" />
        <source>%n tensor(s)</source>
        <translation>
            <numerusform>%n tensor</numerusform>
            <numerusform>%n tensores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/session/actions.py" line="293" />
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n paso</numerusform>
            <numerusform>%n pasos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionExport</name>
    <message>
        <location filename="../../gui/session/dialogs.py" line="116" />
        <source>Export session as notebook</source>
        <translation>Exportar la sesión como notebook</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="117" />
        <source>Jupyter notebook</source>
        <translation>Notebook de Jupyter</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="119" />
        <source>Export session as script</source>
        <translation>Exportar la sesión como script</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="120" />
        <source>Python script</source>
        <translation>Script de Python</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="125" />
        <source>Export tensor “{name}”</source>
        <translation>Exportar el tensor «{name}»</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="126" />
        <source>PyTorch tensor</source>
        <translation>Tensor de PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="127" />
        <source>NumPy array</source>
        <translation>Array de NumPy</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="128" />
        <source>CSV table</source>
        <translation>Tabla CSV</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="134" />
        <source>Save workspace</source>
        <translation>Guardar espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="135" />
        <location filename="../../gui/session/dialogs.py" line="141" />
        <source>TorchScope workspace</source>
        <translation>Espacio de trabajo de TorchScope</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="140" />
        <source>Open workspace</source>
        <translation>Abrir espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/session/dialogs.py" line="142" />
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
</context>
<context>
    <name>SessionExports</name>
    <message>
        <location filename="../../gui/session/exports.py" line="43" />
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="44" />
        <source>Nothing to export yet: take a step in any tab first.</source>
        <translation>Aún no hay nada que exportar: da primero un paso en cualquier pestaña.</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="50" />
        <source>Exporting session</source>
        <translation>Exportando la sesión</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="52" />
        <source>Session exported to {path}</source>
        <translation>Sesión exportada a {path}</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="54" />
        <source>Session not exported</source>
        <translation>Sesión no exportada</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="71" />
        <location filename="../../gui/session/exports.py" line="84" />
        <source>Export tensor</source>
        <translation>Exportar tensor</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="72" />
        <source>Tensor to export:</source>
        <translation>Tensor que exportar:</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="85" />
        <source>There is no tensor to export yet: create one in the Tensors tab.</source>
        <translation>Aún no hay ningún tensor que exportar: crea uno en la pestaña Tensores.</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="92" />
        <source>Exporting tensor</source>
        <translation>Exportando el tensor</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="95" />
        <source>Tensor not exported</source>
        <translation>Tensor no exportado</translation>
    </message>
    <message>
        <location filename="../../gui/session/exports.py" line="98" />
        <source>Saved {name} to {path}.</source>
        <translation>{name} guardado en {path}.</translation>
    </message>
</context>
<context>
    <name>SessionPictureExport</name>
    <message>
        <location filename="../../gui/session/picture_export.py" line="36" />
        <source>Could not write {path}.</source>
        <translation>No se pudo escribir {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/session/picture_export.py" line="89" />
        <source>Pictures can be saved as .png or .svg, not '{suffix}'.</source>
        <translation>Las imágenes se pueden guardar como .png o .svg, no como '{suffix}'.</translation>
    </message>
</context>
<context>
    <name>TensorImports</name>
    <message>
        <location filename="../../gui/session/tensor_imports.py" line="24" />
        <source>Importing tensors</source>
        <translation>Importando tensores</translation>
    </message>
    <message>
        <location filename="../../gui/session/tensor_imports.py" line="27" />
        <source>Tensors not imported</source>
        <translation>Tensores no importados</translation>
    </message>
    <message>
        <location filename="../../gui/session/tensor_imports.py" line="37" />
        <source>Imported 1 tensor from {file}: {names}</source>
        <translation>Importado 1 tensor de {file}: {names}</translation>
    </message>
    <message>
        <location filename="../../gui/session/tensor_imports.py" line="38" />
        <source>Imported {count} tensors from {file}: {names}</source>
        <translation>Importados {count} tensores de {file}: {names}</translation>
    </message>
</context>
</TS>