"""Spanish for the safe PyTorch-subset language (engine.language): refusals and hints."""

MESSAGES = {
    "write the attribute directly, e.g. `t.shape`":
        "escribe el atributo directamente, p. ej. `t.shape`",
    "use `t.data_ptr()` and `t.storage_offset()` to see where the data lives":
        "usa `t.data_ptr()` y `t.storage_offset()` para ver dónde viven los datos",
    "files are not part of TorchScope's PyTorch; use the session export":
        "los archivos no forman parte del PyTorch de TorchScope; usa la exportación de la "
        "sesión",
    "write an f-string such as f\"{t.shape}\"":
        "escribe un f-string como f\"{t.shape}\"",
    "`{receiver}.{name}` is not part of TorchScope's PyTorch.":
        "`{receiver}.{name}` no forma parte del PyTorch de TorchScope.",
    "Assigning to `{receiver}.{name}` is not part of TorchScope's PyTorch: only "
    "`t.requires_grad` and `t.grad` can be assigned.":
        "Asignar a `{receiver}.{name}` no forma parte del PyTorch de TorchScope: solo se "
        "pueden asignar `t.requires_grad` y `t.grad`.",
    "`{receiver}.{name}` is not part of TorchScope's PyTorch: names starting with _ are "
    "Python's internals.":
        "`{receiver}.{name}` no forma parte del PyTorch de TorchScope: los nombres que "
        "empiezan por _ son internos de Python.",
    "`{receiver}.{name}` is not part of TorchScope's PyTorch: {hint}.":
        "`{receiver}.{name}` no forma parte del PyTorch de TorchScope: {hint}.",
    "`t.grad` can only be set to None or a tensor.":
        "`t.grad` solo puede valer None o un tensor.",
    "`t.requires_grad` can only be set to True or False.":
        "`t.requires_grad` solo puede valer True o False.",
    "`isinstance` accepts the types int, float, bool, str, list, tuple, dict, torch.Tensor, "
    "torch.Size, torch.dtype and np.ndarray.":
        "`isinstance` acepta los tipos int, float, bool, str, list, tuple, dict, "
        "torch.Tensor, torch.Size, torch.dtype y np.ndarray.",
    "`print(..., file=...)` is not part of TorchScope's PyTorch: print to the console.":
        "`print(..., file=...)` no forma parte del PyTorch de TorchScope: imprime en la "
        "consola.",
    "`sep` and `end` must be strings.":
        "`sep` y `end` deben ser cadenas.",
    "Functions cannot be passed as arguments in TorchScope's PyTorch: call `{name}(...)` "
    "yourself.":
        "Las funciones no se pueden pasar como argumentos en el PyTorch de TorchScope: llama "
        "tú a `{name}(...)`.",
    "Line {line}, column {column}: {what}":
        "Línea {line}, columna {column}: {what}",
    "The assertion `{code}` is false.":
        "La aserción `{code}` es falsa.",
    "Running `{code}` failed; the error below says why.":
        "Ejecutar `{code}` falló; el error de abajo dice por qué.",
    "`{code}` is too big to compute.":
        "`{code}` es demasiado grande para calcularlo.",
    "Byte strings are not part of TorchScope's PyTorch.":
        "Las cadenas de bytes no forman parte del PyTorch de TorchScope.",
    "`{code}` cannot be indexed.":
        "`{code}` no se puede indexar.",
    "`**` in a dict display is not part of TorchScope's PyTorch.":
        "`**` en un diccionario literal no forma parte del PyTorch de TorchScope.",
    "`{code}` cannot be called.":
        "`{code}` no se puede llamar.",
    "`**` in a call is not part of TorchScope's PyTorch: write the keyword arguments.":
        "`**` en una llamada no forma parte del PyTorch de TorchScope: escribe los "
        "argumentos con nombre.",
    "This is not valid Python: {reason}.":
        "Esto no es Python válido: {reason}.",
    "This integer would have more than {limit} bits; TorchScope keeps integers smaller.":
        "Este entero tendría más de {limit} bits; TorchScope mantiene los enteros más "
        "pequeños.",
    "The code is {count} characters long; at most {limit} can run at once.":
        "El código tiene {count} caracteres; como máximo se pueden ejecutar {limit} a la vez.",
    "The code contains a NUL character.":
        "El código contiene un carácter NUL.",
    "Brackets are nested more than {limit} deep.":
        "Los paréntesis están anidados más de {limit} niveles.",
    "This would build a sequence of {count} items; at most {limit} are allowed.":
        "Esto construiría una secuencia de {count} elementos; se permiten como máximo "
        "{limit}.",
    "Lists are nested more than {limit} levels deep.":
        "Las listas están anidadas más de {limit} niveles.",
    "This nested list has more than {limit} elements.":
        "Esta lista anidada tiene más de {limit} elementos.",
    "This would go through {count} items; at most {limit} are allowed.":
        "Esto recorrería {count} elementos; se permiten como máximo {limit}.",
    "This format specification is too long.":
        "Esta especificación de formato es demasiado larga.",
    "The code is too complex to read: {error}":
        "El código es demasiado complejo para leerlo: {error}",
    "The code has more than {limit} parts; run it in pieces.":
        "El código tiene más de {limit} partes; ejecútalo por trozos.",
    "The code is nested more than {limit} levels deep.":
        "El código está anidado más de {limit} niveles.",
    "This would go through more than {limit} items.":
        "Esto recorrería más de {limit} elementos.",
    "Format widths and precisions go up to {limit}.":
        "Los anchos y precisiones de formato llegan hasta {limit}.",
    "assign directly, e.g. `t.requires_grad = False`":
        "asigna directamente, p. ej. `t.requires_grad = False`",
    "write the attribute directly, e.g. `t.grad`":
        "escribe el atributo directamente, p. ej. `t.grad`",
    "write `del name` for a variable":
        "escribe `del nombre` para una variable",
    "use `t.dtype` for a tensor's element type, or `isinstance(x, torch.Tensor)`":
        "usa `t.dtype` para el tipo de elemento de un tensor, o `isinstance(x, torch.Tensor)`",
    "print the variables you need":
        "imprime las variables que necesites",
    "see the PyTorch documentation for the methods of a tensor":
        "consulta la documentación de PyTorch para ver los métodos de un tensor",
    "write the expression itself":
        "escribe la expresión misma",
    "write the statements themselves":
        "escribe las sentencias mismas",
    "files are loaded in the Datasets tab":
        "los archivos se cargan en la pestaña Datasets",
    "assign the value in the code":
        "asigna el valor en el código",
    "write an f-string such as f\"{x:.3f}\"":
        "escribe un f-string como f\"{x:.3f}\"",
    "write a for loop":
        "escribe un bucle for",
    "run the code line by line in the console":
        "ejecuta el código línea a línea en la consola",
    "see the PyTorch documentation":
        "consulta la documentación de PyTorch",
    "stop the run with Cancel":
        "detén la ejecución con Cancelar",
    "Defining functions (`def`) is not part of TorchScope's PyTorch: write the statements "
    "directly.":
        "Definir funciones (`def`) no forma parte del PyTorch de TorchScope: escribe las "
        "sentencias directamente.",
    "`lambda` is not part of TorchScope's PyTorch: write the expression directly.":
        "`lambda` no forma parte del PyTorch de TorchScope: escribe la expresión "
        "directamente.",
    "Defining classes is not part of TorchScope's PyTorch; datasets are built in the "
    "Datasets tab.":
        "Definir clases no forma parte del PyTorch de TorchScope; los datasets se construyen "
        "en la pestaña Datasets.",
    "`while` loops are not part of TorchScope's PyTorch: write `for i in range(n):`.":
        "Los bucles `while` no forman parte del PyTorch de TorchScope: escribe `for i in "
        "range(n):`.",
    "`try` is not part of TorchScope's PyTorch: errors are shown with an explanation.":
        "`try` no forma parte del PyTorch de TorchScope: los errores se muestran con una "
        "explicación.",
    "`global` is not part of TorchScope's PyTorch: every name is already shared.":
        "`global` no forma parte del PyTorch de TorchScope: todos los nombres ya se "
        "comparten.",
    "`nonlocal` is not part of TorchScope's PyTorch.":
        "`nonlocal` no forma parte del PyTorch de TorchScope.",
    "Comprehensions are not part of TorchScope's PyTorch: write a for loop that appends to a "
    "list.":
        "Las comprensiones no forman parte del PyTorch de TorchScope: escribe un bucle for "
        "que añada a una lista.",
    "Comprehensions are not part of TorchScope's PyTorch: write a for loop.":
        "Las comprensiones no forman parte del PyTorch de TorchScope: escribe un bucle for.",
    "Generator expressions are not part of TorchScope's PyTorch: write a for loop.":
        "Las expresiones generadoras no forman parte del PyTorch de TorchScope: escribe un "
        "bucle for.",
    "`:=` is not part of TorchScope's PyTorch: assign on its own line.":
        "`:=` no forma parte del PyTorch de TorchScope: asigna en su propia línea.",
    "`raise` is not part of TorchScope's PyTorch: use `assert`.":
        "`raise` no forma parte del PyTorch de TorchScope: usa `assert`.",
    "`return` is only meaningful in functions, which TorchScope's PyTorch does not have.":
        "`return` solo tiene sentido dentro de funciones, y el PyTorch de TorchScope no las "
        "tiene.",
    "`{name}` is not defined: assign it first (`{name} = ...`) or check its spelling.":
        "`{name}` no está definido: asígnalo primero (`{name} = ...`) o revisa cómo se "
        "escribe.",
    "`{syntax}` is not part of TorchScope's PyTorch.":
        "`{syntax}` no forma parte del PyTorch de TorchScope.",
    "`{name}` is not part of TorchScope's PyTorch: {hint}.":
        "`{name}` no forma parte del PyTorch de TorchScope: {hint}.",
    "names starting with _ are Python's internals":
        "los nombres que empiezan por _ son internos de Python",
    "`{module}` cannot be imported in TorchScope's PyTorch: torch, numpy and math can "
    "(datasets live in the Datasets tab).":
        "`{module}` no se puede importar en el PyTorch de TorchScope: se pueden torch, numpy "
        "y math (los datasets están en la pestaña Datasets).",
    "Relative imports are not part of TorchScope's PyTorch.":
        "Las importaciones relativas no forman parte del PyTorch de TorchScope.",
    "`from {module} import *` is not part of TorchScope's PyTorch: name what you import.":
        "`from {module} import *` no forma parte del PyTorch de TorchScope: nombra lo que "
        "importas.",
    "`{module}.{name}` is not part of TorchScope's PyTorch.":
        "`{module}.{name}` no forma parte del PyTorch de TorchScope.",
    "Line {line}":
        "Línea {line}",
    "This statement ran longer than {seconds} s and was stopped.":
        "Esta sentencia tardó más de {seconds} s y se detuvo.",
    "Cancelled.":
        "Cancelado.",
    "`break` and `continue` belong inside a for loop.":
        "`break` y `continue` van dentro de un bucle for.",
    "This statement is too big to run.":
        "Esta sentencia es demasiado grande para ejecutarla.",
    "`%` formatting of strings is not part of TorchScope's PyTorch: write an f-string such "
    "as f\"{x:.3f}\".":
        "El formato de cadenas con `%` no forma parte del PyTorch de TorchScope: escribe un "
        "f-string como f\"{x:.3f}\".",
    "`{name}` on these sizes would need about {work} multiply-adds; TorchScope allows "
    "{limit}. Try smaller tensors.":
        "`{name}` con estos tamaños necesitaría unas {work} multiplicaciones-sumas; "
        "TorchScope permite {limit}. Prueba con tensores más pequeños.",
    "`tolist()` of {count} numbers would be too long a list; at most {limit}.":
        "`tolist()` de {count} números daría una lista demasiado larga; como máximo {limit}.",
    "Names starting with _ are not part of TorchScope's PyTorch: choose another name for "
    "`{name}`.":
        "Los nombres que empiezan por _ no forman parte del PyTorch de TorchScope: elige "
        "otro nombre para `{name}`.",
    "`*` in an assignment is not part of TorchScope's PyTorch.":
        "`*` en una asignación no forma parte del PyTorch de TorchScope.",
    "A for loop goes over range(n), a list, a tuple, a dict or a tensor.":
        "Un bucle for recorre range(n), una lista, una tupla, un diccionario o un tensor.",
    "`{code}` cannot be assigned into.":
        "No se puede asignar dentro de `{code}`.",
    "A loop may run at most {limit} times.":
        "Un bucle puede ejecutarse como máximo {limit} veces.",
    "`del` works on names, list items and dict keys.":
        "`del` funciona con nombres, elementos de listas y claves de diccionarios.",
    "`with` accepts torch.no_grad(), torch.enable_grad(), torch.inference_mode() and "
    "torch.set_grad_enabled(...).":
        "`with` acepta torch.no_grad(), torch.enable_grad(), torch.inference_mode() y "
        "torch.set_grad_enabled(...).",
    "`sum` is not ready: the interpreter sets its guarded +.":
        "`sum` no está listo: el intérprete fija su + con límites.",
}
