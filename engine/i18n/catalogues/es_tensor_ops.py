"""Spanish for the Tensors tab's operations, memory, shape and NumPy-bridge messages."""

MESSAGES = {
    # memory / alias / edits
    "{name} is {same}; {label}.": "{name} es {same}; {label}.",
    "Changed one element of {name}.": "Se cambió un elemento de {name}.",
    "shares storage": "comparte almacenamiento",
    "own storage": "almacenamiento propio",
    "the same Python object as {source}": "el mismo objeto de Python que {source}",
    "a different Python object": "otro objeto de Python",
    "Alias or copy: {code}": "Alias o copia: {code}",
    "'{kind}' is not one of: {choices}.": "'{kind}' no es ninguno de: {choices}.",
    "Give b a different name than {name}.": "Dale a b un nombre distinto de {name}.",
    "Give {ndim} indices (one per dimension), e.g. {example}.":
        "Escribe {ndim} índices (uno por dimensión), p. ej. {example}.",
    "{name} requires grad: PyTorch forbids writing into a leaf that autograd tracks. "
    "Edit {name}.detach() or a copy.":
        "{name} requiere gradiente: PyTorch prohíbe escribir en una hoja que autograd sigue. "
        "Edita {name}.detach() o una copia.",
    "Index {index} is outside dimension {dim} of size {size}.":
        "El índice {index} está fuera de la dimensión {dim}, de tamaño {size}.",
    "Edit {name}": "Editar {name}",
    # operations
    "out= needs a tensor of the result's shape {shape}; {name} has shape {actual}.":
        "out= necesita un tensor con la forma del resultado {shape}; {name} tiene forma "
        "{actual}.",
    "Operation {op}": "Operación {op}",
    "{op} has no '{mode}' form.": "{op} no tiene la forma '{mode}'.",
    "'{op}' is not an operation of the catalogue.":
        "'{op}' no es una operación del catálogo.",
    "clamp needs a min, a max or both.": "clamp necesita un mínimo, un máximo o ambos.",
    # promotion
    "The higher category wins (bool < integer < floating point < complex): {dtype}. Numbers "
    "and 0-d tensors only count when their category is higher.":
        "Gana la categoría más alta (bool < entero < coma flotante < complejo): {dtype}. Los "
        "números y los tensores 0-d solo cuentan cuando su categoría es más alta.",
    "This operation gives {dtype}.": "Esta operación da {dtype}.",
    "A number or 0-d tensor of a higher category ({category}) than the tensors sets the "
    "category (a Python number brings PyTorch's default dtype for it, a 0-d tensor its own): "
    "{dtype}.":
        "Un número o tensor 0-d de una categoría más alta ({category}) que los tensores fija la "
        "categoría (un número de Python trae el dtype por defecto de PyTorch para ella, un "
        "tensor 0-d el suyo): {dtype}.",
    "Both tensors are {category}: the result uses the wider of the two, {dtype}.":
        "Ambos tensores son de tipo {category}: el resultado usa el más ancho de los dos, "
        "{dtype}.",
    "Comparisons always give a bool tensor.": "Las comparaciones siempre dan un tensor bool.",
    "This operation always gives floating point ({dtype}) for integer or bool inputs.":
        "Esta operación siempre da coma flotante ({dtype}) con entradas enteras o bool.",
    "PyTorch refused {op}.": "PyTorch rechazó {op}.",
    "bool": "bool",
    "integer": "entero",
    "floating point": "coma flotante",
    "complex": "complejo",
    "Inputs {inputs} → promoted dtype {dtype} (torch.result_type).":
        "Entradas {inputs} → dtype promovido {dtype} (torch.result_type).",
    "Python {kind}": "{kind} de Python",
    # error hints
    "{op} does not support this dtype. Bitwise operations need integer or bool tensors; "
    "convert with .to(torch.int64) or choose another operation.":
        "{op} no admite este dtype. Las operaciones bit a bit necesitan tensores enteros o "
        "bool; convierte con .to(torch.int64) o elige otra operación.",
    "A dimension is out of range: a tensor with n dimensions accepts dims from -n to n-1.":
        "Una dimensión está fuera de rango: un tensor con n dimensiones acepta dims de -n a "
        "n-1.",
    "For a @ b the last size of a must equal the first size of b (for matrices: "
    "(n, k) @ (k, m) → (n, m)).":
        "Para a @ b el último tamaño de a debe ser igual al primero de b (para matrices: "
        "(n, k) @ (k, m) → (n, m)).",
    "In place, the result must keep the target's shape: the other operand may broadcast to "
    "it, but not make it bigger. Use the new-tensor form instead.":
        "In situ, el resultado debe conservar la forma del destino: el otro operando puede "
        "difundirse (broadcast) hasta ella, pero no agrandarla. Usa la forma que crea un "
        "tensor nuevo.",
    "The shapes are not compatible: sizes must be equal or 1, compared from the right.":
        "Las formas no son compatibles: los tamaños deben ser iguales o 1, comparando desde "
        "la derecha.",
    "The result's dtype cannot be stored in the target tensor: in-place operations and out= "
    "keep the target's dtype. Convert the target first or make a new tensor.":
        "El dtype del resultado no cabe en el tensor destino: las operaciones in situ y out= "
        "mantienen el dtype del destino. Convierte antes el destino o crea un tensor nuevo.",
    "This tensor requires grad: PyTorch forbids changing a leaf that autograd is tracking in "
    "place. Use the new-tensor form instead.":
        "Este tensor requiere gradiente: PyTorch prohíbe cambiar in situ una hoja que autograd "
        "sigue. Usa la forma que crea un tensor nuevo.",
    "Several elements of this tensor share one memory cell (it comes from expand). Call "
    ".clone() first, then change the copy.":
        "Varios elementos de este tensor comparten una celda de memoria (viene de expand). "
        "Llama antes a .clone() y cambia la copia.",
    "view() needs memory laid out compatibly (contiguous); use .reshape(...) or call "
    ".contiguous() first.":
        "view() necesita la memoria dispuesta de forma compatible (contigua); usa "
        ".reshape(...) o llama antes a .contiguous().",
    "{op} needs a floating-point tensor; convert with .float() first.":
        "{op} necesita un tensor de coma flotante; convierte antes con .float().",
    "The matrix is singular (its determinant is 0): it has no inverse.":
        "La matriz es singular (su determinante es 0): no tiene inversa.",
    "{op} needs square matrices (n × n).": "{op} necesita matrices cuadradas (n × n).",
    "expand can only grow dimensions of size 1 (or add new leading ones); the other sizes "
    "must stay equal.":
        "expand solo puede agrandar dimensiones de tamaño 1 (o añadir otras nuevas delante); "
        "los demás tamaños deben seguir iguales.",
    "The new shape must have as many elements as the tensor.":
        "La forma nueva debe tener tantos elementos como el tensor.",
    ".item() only works on a tensor with exactly one element; reduce it first or pick one "
    "element.":
        ".item() solo funciona con un tensor de exactamente un elemento; redúcelo antes o "
        "elige un elemento.",
    "cross needs a dimension of size 3 in both tensors (3-D vectors).":
        "cross necesita una dimensión de tamaño 3 en ambos tensores (vectores 3-D).",
    # the Operate field's expressions (run by engine.language)
    "Expression {expression}": "Expresión {expression}",
    "Write an expression such as torch.sin(a) * 2 or a @ b.T.":
        "Escribe una expresión como torch.sin(a) * 2 o a @ b.T.",
    "Write one expression here; several statements run in the PyTorch console.":
        "Escribe aquí una sola expresión; varias sentencias se ejecutan en la consola de "
        "PyTorch.",
    "Write an expression (or name = expression) here, e.g. torch.sin(a) * 2; other "
    "statements run in the PyTorch console.":
        "Escribe aquí una expresión (o nombre = expresión), p. ej. torch.sin(a) * 2; las demás "
        "sentencias se ejecutan en la consola de PyTorch.",
    "{name} = None: the expression gives no value, so nothing is kept.":
        "{name} = None: la expresión no da ningún valor, así que no se guarda nada.",
    "{name} = {value} (type {kind}, not a tensor: shown here, not kept in the workspace)":
        "{name} = {value} (tipo {kind}, no es un tensor: se muestra aquí, no se guarda en el "
        "espacio de trabajo)",
    "{name} is {source} itself (the same tensor object), not a copy: an in-place method "
    "returns the tensor it changed.":
        "{name} es el propio {source} (el mismo objeto tensor), no una copia: un método in "
        "situ devuelve el tensor que cambió.",
    "{name} shares memory with {source}: it is a view, not a copy, so changing one changes "
    "the other. Call .clone() for a copy.":
        "{name} comparte memoria con {source}: es una vista, no una copia, así que cambiar uno "
        "cambia el otro. Llama a .clone() para obtener una copia.",
    "Tensors read: {tensors}.": "Tensores leídos: {tensors}.",
    "this expression": "esta expresión",
    "Write a number such as 2, -0.5 or math.pi.":
        "Escribe un número como 2, -0.5 o math.pi.",
    "'{text}' is not a number: write e.g. 2, -0.5, 1e-3, 1/3 or math.pi.":
        "'{text}' no es un número: escribe p. ej. 2, -0.5, 1e-3, 1/3 o math.pi.",
    "'{name}' is not a tensor in the workspace: write one tensor name or one number here, "
    "e.g. b or 2.5.":
        "'{name}' no es un tensor del espacio de trabajo: escribe aquí un nombre de tensor o "
        "un número, p. ej. b o 2.5.",
    "The number {value} is too large for a tensor operation (at most 63 bits).":
        "El número {value} es demasiado grande para una operación con tensores (como máximo "
        "63 bits).",
    # linear algebra and reductions
    "{source} = U @ diag(S) @ Vh: U and Vh have orthonormal columns/rows, S holds the "
    "singular values, largest first. (Vh is V transposed.)":
        "{source} = U @ diag(S) @ Vh: U y Vh tienen columnas/filas ortonormales, S contiene "
        "los valores singulares, de mayor a menor. (Vh es V traspuesta.)",
    "A matrix transpose needs at least 2 dimensions; {name} has {ndim}.":
        "Trasponer una matriz necesita al menos 2 dimensiones; {name} tiene {ndim}.",
    "{name} = {value} (a Python {kind}, no longer a tensor)":
        "{name} = {value} (un {kind} de Python, ya no es un tensor)",
    "Reduction {op}": "Reducción {op}",
    "keepdim only matters with a dim: write a dim such as 0.":
        "keepdim solo importa con un dim: escribe un dim como 0.",
    # NumPy bridge
    "from_numpy and .numpy() share memory with arr; torch.tensor(arr) copies.":
        "from_numpy y .numpy() comparten memoria con arr; torch.tensor(arr) copia.",
    "Changed: {names}.": "Cambiaron: {names}.",
    "NumPy bridge": "Puente con NumPy",
    "Build the NumPy demo first.": "Construye primero la demostración de NumPy.",
    "'{name}' is not one of: {choices}.": "'{name}' no es ninguno de: {choices}.",
    "Give one index per dimension inside the shape {shape}.":
        "Escribe un índice por dimensión dentro de la forma {shape}.",
    # shape
    "A copy: the values were copied into new storage (the old layout could not be described "
    "with strides).":
        "Una copia: los valores se copiaron a un almacenamiento nuevo (la disposición antigua "
        "no se podía describir con strides).",
    "Dimension {dim} has size {size}, not 1: squeeze({dim}) leaves the shape as it was "
    "(PyTorch does not complain).":
        "La dimensión {dim} tiene tamaño {size}, no 1: squeeze({dim}) deja la forma como "
        "estaba (PyTorch no se queja).",
    "The tensor is already contiguous: contiguous() returns the same tensor.":
        "El tensor ya es contiguo: contiguous() devuelve el mismo tensor.",
    "A view: same storage, new shape/strides/offset; changing one changes the other.":
        "Una vista: el mismo almacenamiento con otra forma/strides/offset; cambiar uno cambia "
        "el otro.",
    "Shape {op}": "Forma {op}",
    "{count} dimensions is too many: at most {limit} are supported.":
        "{count} dimensiones son demasiadas: se admiten como máximo {limit}.",
    "{op} takes {low} to {high} numbers here, e.g. '{example}'.":
        "{op} admite aquí de {low} a {high} números, p. ej. '{example}'.",
    "'{op}' is not a shape operation.": "'{op}' no es una operación de forma.",
    "'{token}' is not a whole number: write integers separated by commas, e.g. 2, -1.":
        "'{token}' no es un número entero: escribe enteros separados por comas, p. ej. 2, -1.",
    # shared support
    "{name}: shape {shape}, dtype {dtype}": "{name}: forma {shape}, dtype {dtype}",
    "{name} is the same object as before ({identity}) and kept {same} memory (data_ptr "
    "{ptr}); its _version went {before} → {after}.":
        "{name} es el mismo objeto que antes ({identity}) y conservó {same} memoria (data_ptr "
        "{ptr}); su _version pasó {before} → {after}.",
    "{name} shares {source}'s memory (same data_ptr {ptr}): it is a view, not a copy.":
        "{name} comparte la memoria de {source} (mismo data_ptr {ptr}): es una vista, no una "
        "copia.",
    "New tensor: {name} has its own memory (data_ptr {new_ptr}; {source} is at {old_ptr}). "
    "{source} is unchanged, _version {version}.":
        "Tensor nuevo: {name} tiene su propia memoria (data_ptr {new_ptr}; {source} está en "
        "{old_ptr}). {source} no cambia, _version {version}.",
    "the same": "la misma",
    "a different": "otra",
    "Choose a tensor from the workspace.": "Elige un tensor del espacio de trabajo.",
    "'{text}' is not a whole number.": "'{text}' no es un número entero.",
    "yes": "sí",
    "no": "no",
    "{op} with {operands}": "{op} con {operands}",
    " and ": " y ",
    "torch.matmul of shapes {left} and {right} would need about {work} multiply-adds "
    "(every matrix of the broadcast batch counts); TorchScope allows {limit}. Try smaller "
    "tensors.":
        "torch.matmul con las formas {left} y {right} necesitaría unas {work} "
        "multiplicaciones-sumas (cuenta cada matriz del lote difundido); TorchScope permite "
        "{limit}. Prueba con tensores más pequeños.",
}
