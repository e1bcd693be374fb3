"""Spanish for the session area: exporting sessions and tensors, workspace files."""

MESSAGES = {
    # engine/session_export.py
    "The steps taken in the {tab} tab, in order.":
        "Los pasos dados en la pestaña {tab}, en orden.",
    "Run every tab's steps; returns each tab's variables.":
        "Ejecuta los pasos de cada pestaña; devuelve las variables de cada una.",
    "Exported from TorchScope on {stamp}.": "Exportado desde TorchScope el {stamp}.",
    "Each tab's steps are in their own function, so tabs never share names.":
        "Los pasos de cada pestaña están en su propia función: las pestañas nunca comparten "
        "nombres.",
    "Run it with: python <this file>": "Ejecútalo con: python <este archivo>",
    "(This step's code is not valid Python; kept as a comment.)":
        "(El código de este paso no es Python válido; se conserva como comentario.)",
    "every variable of this tab, by name": "todas las variables de esta pestaña, por nombre",
    "Each tab has its own section; run the cells from top to bottom.":
        "Cada pestaña tiene su propia sección; ejecuta las celdas de arriba abajo.",
    "{tab} tab": "Pestaña {tab}",
    # engine/workspace_file.py
    "Could not write {path}: {error}": "No se pudo escribir {path}: {error}",
    "Could not read {path}: {error}": "No se pudo leer {path}: {error}",
    "'{name}' cannot be saved: only ordinary (dense) tensors can. Try {name}.to_dense().":
        "'{name}' no se puede guardar: solo se guardan tensores normales (densos). Prueba "
        "{name}.to_dense().",
    "'{name}' has dtype {dtype}, which a workspace cannot hold. Supported: {choices}.":
        "'{name}' tiene dtype {dtype}, que un espacio de trabajo no puede guardar. Admitidos: "
        "{choices}.",
    "The tab settings cannot be saved: {error}":
        "Los ajustes de las pestañas no se pueden guardar: {error}",
    "Workspaces can only be saved on little-endian machines.":
        "Los espacios de trabajo solo se pueden guardar en máquinas little-endian.",
    "Saving the workspace": "Guardando el espacio de trabajo",
    "Opening the workspace": "Abriendo el espacio de trabajo",
    "{file} is damaged or incomplete and was not opened ({detail}). Your current workspace "
    "is unchanged.":
        "{file} está dañado o incompleto y no se ha abierto ({detail}). Tu espacio de trabajo "
        "actual no ha cambiado.",
    "{file} is not a TorchScope workspace ({what}); nothing was opened and your current "
    "workspace is unchanged. Workspaces end in {suffix}.":
        "{file} no es un espacio de trabajo de TorchScope ({what}); no se ha abierto nada y tu "
        "espacio de trabajo actual no ha cambiado. Los espacios de trabajo terminan en "
        "{suffix}.",
    "it looks like a Python pickle, which could run code when opened":
        "parece un pickle de Python, que podría ejecutar código al abrirlo",
    "it is a NumPy .npy file": "es un archivo .npy de NumPy",
    "it is not a zip archive": "no es un archivo zip",
    "it is a PyTorch file saved with torch.save; it holds a pickle, which could run code "
    "when opened":
        "es un archivo de PyTorch guardado con torch.save; contiene un pickle, que podría "
        "ejecutar código al abrirlo",
    "a zip archive without a workspace manifest":
        "un archivo zip sin manifiesto de espacio de trabajo",
    "a zip archive with another kind of manifest": "un archivo zip con otro tipo de manifiesto",
    "the manifest is too large": "el manifiesto es demasiado grande",
    "no valid format version": "no hay una versión de formato válida",
    "{file} was saved by a newer TorchScope (workspace format {version}); this version "
    "opens formats up to {supported}. Please update TorchScope to open it. Your current "
    "workspace is unchanged.":
        "{file} se guardó con un TorchScope más reciente (formato de espacio de trabajo "
        "{version}); esta versión abre formatos hasta el {supported}. Actualiza TorchScope "
        "para abrirlo. Tu espacio de trabajo actual no ha cambiado.",
    "unsupported byte order": "orden de bytes no admitido",
    "a tensor entry is not an object": "una entrada de tensor no es un objeto",
    "invalid tensor name {name!r}": "nombre de tensor no válido {name!r}",
    "the name '{name}' appears twice": "el nombre '{name}' aparece dos veces",
    "'{name}' has unknown dtype {dtype!r}": "'{name}' tiene un dtype desconocido {dtype!r}",
    "'{name}' has an invalid shape": "'{name}' tiene una forma no válida",
    "'{name}' has an invalid requires_grad": "'{name}' tiene un requires_grad no válido",
    "'{name}' cannot require grad": "'{name}' no puede tener requires_grad",
    "the values of '{name}' are missing or have the wrong size (expected {size})":
        "faltan los valores de '{name}' o tienen un tamaño incorrecto (se esperaba {size})",
    "'{name}' holds values that are not booleans":
        "'{name}' contiene valores que no son booleanos",
    "the steps are not a list": "los pasos no son una lista",
    "a step is not valid": "un paso no es válido",
    "the tensor list is not a list": "la lista de tensores no es una lista",
    "the tab settings are not an object": "los ajustes de las pestañas no son un objeto",
    # engine/tensor_export.py
    "'{suffix}' is not an export format: choose a file name ending in .pt, .npy or .csv.":
        "'{suffix}' no es un formato de exportación: elige un nombre de archivo que termine en "
        ".pt, .npy o .csv.",
    "Only ordinary (dense) tensors can be exported; try .to_dense().":
        "Solo se pueden exportar tensores normales (densos); prueba .to_dense().",
    "NumPy has no bfloat16, so the values were written as float32.":
        "NumPy no tiene bfloat16, así que los valores se escribieron como float32.",
    "Load it with torch.load(path, weights_only=True).":
        "Cárgalo con torch.load(ruta, weights_only=True).",
    "{rows} rows × {cols} columns.": "{rows} filas × {cols} columnas.",
    "The tensor of shape {shape} was flattened in row-major (C) order to {count} values, one "
    "per line.":
        "El tensor de forma {shape} se aplanó en orden por filas (C) a {count} valores, uno "
        "por línea.",
    "Exporting the tensor": "Exportando el tensor",
    "Writing CSV": "Escribiendo el CSV",
    # engine/session/workspace_checks.py, workspace_leftovers.py
    "the manifest has more than {limit} entries": "el manifiesto tiene más de {limit} entradas",
    "the manifest is nested more than {limit} levels deep":
        "el manifiesto anida más de {limit} niveles",
    "{member} is encrypted": "{member} está cifrado",
    "{member} uses compression method {method}, which workspaces never use":
        "{member} usa el método de compresión {method}, que los espacios de trabajo nunca usan",
    "{member} is named by more than one tensor entry":
        "{member} aparece en más de una entrada de tensor",
    "{file} would hold {size} of tensor values in all, more than the {budget} this app keeps "
    "in one workspace; nothing was read or written. Keep fewer or smaller tensors.":
        "{file} contendría {size} de valores de tensores en total, más de los {budget} que "
        "esta aplicación guarda en un espacio de trabajo; no se ha leído ni escrito nada. "
        "Guarda menos tensores o más pequeños.",
    "Removed {count} unfinished file(s) ({size}) that an interrupted save left in {folder}: "
    "{names}.":
        "Se han eliminado {count} archivo(s) sin terminar ({size}) que dejó en {folder} un "
        "guardado interrumpido: {names}.",
    # engine/session/export.py: names the user's steps rebind
    "Names the steps rebind start as Python and the preamble give them, as in the app:":
        "Los nombres que los pasos redefinen empiezan con el valor que les dan Python y el "
        "preámbulo, como en la aplicación:",
    "The tabs before this one rebound these names; this tab starts, as in the app, with "
    "their usual meaning:":
        "Las pestañas anteriores redefinieron estos nombres; esta pestaña empieza, como en la "
        "aplicación, con su significado habitual:",
    # engine/session/tensor_import.py
    "TorchScope cannot open '{name}': drop a workspace (.torchscope), a PyTorch tensor file "
    "(.pt) or a NumPy array (.npy).":
        "TorchScope no puede abrir '{name}': suelta un espacio de trabajo (.torchscope), un "
        "archivo de tensores de PyTorch (.pt) o un array de NumPy (.npy).",
    "Cannot read '{name}': {reason}": "No se puede leer '{name}': {reason}",
    "'{name}' is {size}, more than the {guard} this app allows for one tensor.":
        "'{name}' ocupa {size}, más de los {guard} que esta aplicación permite para un tensor.",
    "'{name}' is not a NumPy array TorchScope can read (numeric values, no pickled objects).":
        "'{name}' no es un array de NumPy que TorchScope pueda leer (valores numéricos, sin "
        "objetos pickle).",
    "'{name}' could not be read as plain tensors with torch.load(weights_only=True): it is "
    "damaged or holds other Python objects.":
        "'{name}' no se pudo leer como tensores simples con torch.load(weights_only=True): "
        "está dañado o contiene otros objetos de Python.",
    "Reading {name}": "Leyendo {name}",
    "'{name}' holds no tensor.": "'{name}' no contiene ningún tensor.",
}
