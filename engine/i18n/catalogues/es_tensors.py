"""Spanish for the engine messages of tensor creation, literals and seeds."""

MESSAGES = {
    # engine/literals.py
    "Tensor data must be text.": "Los datos del tensor deben ser texto.",
    "The data is too long ({length} characters): at most {limit}.":
        "Los datos son demasiado largos ({length} caracteres): como máximo {limit}.",
    "The data is empty: write numbers such as [[1, 2], [3, 4]].":
        "Los datos están vacíos: escribe números como [[1, 2], [3, 4]].",
    "Column {column}: a number, True, False or '[' was expected here.":
        "Columna {column}: aquí se esperaba un número, True, False o '['.",
    "Column {column}: '{char}' is not allowed here; write numbers, True, False, commas and "
    "brackets.":
        "Columna {column}: '{char}' no está permitido aquí; escribe números, True, False, "
        "comas y corchetes.",
    "Column {column}: a ',' or '{closing}' was expected here.":
        "Columna {column}: aquí se esperaba ',' o '{closing}'.",
    "Column {column}: unexpected '{char}' after the end of the data.":
        "Columna {column}: '{char}' inesperado después del final de los datos.",
    "More than {limit} numbers typed: use a constructor such as torch.rand or torch.arange "
    "for big tensors.":
        "Más de {limit} números escritos: para tensores grandes usa un constructor como "
        "torch.rand o torch.arange.",
    "Column {column}: '{token}' is not a number; write numbers such as 2, -1.5 or 1e-3, True, "
    "False, inf, nan or math.pi.":
        "Columna {column}: '{token}' no es un número; escribe números como 2, -1.5 o 1e-3, "
        "True, False, inf, nan o math.pi.",
    "Column {column}: ** (power) is not supported in typed data; write the value, e.g. 9 "
    "instead of 3 ** 2.":
        "Columna {column}: ** (potencia) no se admite en los datos escritos; escribe el valor, "
        "p. ej. 9 en lugar de 3 ** 2.",
    "Column {column}: division by zero.": "Columna {column}: división por cero.",
    "Column {column}: the result does not fit in 64 bits.":
        "Columna {column}: el resultado no cabe en 64 bits.",
    "Ragged data at column {column}: element {index} of the list opened at column {start} has "
    "shape {got}, but element 0 has shape {expected}. Every row must have the same length.":
        "Datos irregulares en la columna {column}: el elemento {index} de la lista abierta en "
        "la columna {start} tiene forma {got}, pero el elemento 0 tiene forma {expected}. "
        "Todas las filas deben tener la misma longitud.",
    "Column {column}: more than {limit} nested levels; at most {limit} dimensions are "
    "supported.":
        "Columna {column}: más de {limit} niveles anidados; se admiten como máximo {limit} "
        "dimensiones.",
    "The '{opening}' at column {start} is never closed: add '{closing}'.":
        "El '{opening}' de la columna {start} nunca se cierra: añade '{closing}'.",
    "Column {column}: {token} does not fit in 64 bits.":
        "Columna {column}: {token} no cabe en 64 bits.",
    # engine/tensor_create.py
    "torch.{kind} only reserves memory: the values are whatever was there before, so running "
    "this code shows other numbers. Only the shape and dtype are reproducible. The heatmap "
    "looks like noise because those uninitialised bytes are read as numbers: leftover zeros, "
    "tiny values and huge ones side by side.":
        "torch.{kind} solo reserva memoria: los valores son lo que hubiera allí antes, así que "
        "al ejecutar este código verás otros números. Solo la forma y el dtype son "
        "reproducibles. El mapa de calor parece ruido porque esos bytes sin inicializar se "
        "leen como números: ceros sobrantes, valores diminutos y enormes uno junto a otro.",
    "No seed was set: {name} continues the random sequence, so running this code gives other "
    "numbers. Set a seed to make it reproducible.":
        "No se fijó ninguna semilla: {name} continúa la secuencia aleatoria, así que al "
        "ejecutar este código saldrán otros números. Fija una semilla para que sea "
        "reproducible.",
    "torch.manual_seed({seed}) makes the random numbers reproducible: the same seed gives the "
    "same {name}.":
        "torch.manual_seed({seed}) hace reproducibles los números aleatorios: la misma semilla "
        "da el mismo {name}.",
    "Create {name} with torch.{kind}": "Crear {name} con torch.{kind}",
    "a whole number": "un número entero",
    "a number": "un número",
    "'{text}' is not {what}.": "'{text}' no es {what}.",
    "Device '{device}' is not available here; available: {choices}.":
        "El dispositivo '{device}' no está disponible aquí; disponibles: {choices}.",
    "arange needs finite numbers and a step that is not 0.":
        "arange necesita números finitos y un paso distinto de 0.",
    "eye takes n or n, m: write 3 or 3, 4.": "eye recibe n o n, m: escribe 3 o 3, 4.",
    "Choose a tensor in the workspace first: {kind} copies its shape and dtype.":
        "Elige primero un tensor del espacio de trabajo: {kind} copia su forma y su dtype.",
    "Unknown constructor '{kind}'.": "Constructor desconocido '{kind}'.",
    "The seed must be between 0 and {limit}.": "La semilla debe estar entre 0 y {limit}.",
    "steps must be 0 or more.": "steps debe ser 0 o más.",
    "PyTorch refused torch.{kind} with these settings.":
        "PyTorch rechazó torch.{kind} con estos ajustes.",
    # engine/seeds.py
    "A seed fixes the sequence of random numbers: random1 and random3 are the first draw after "
    "the same seed, so they are equal, and so are random2 and random4. Consecutive draws "
    "(random1, random2) differ. torch.empty is different again: it draws nothing and only "
    "reserves memory, so it shows whatever bytes were there, seed or not.":
        "Una semilla fija la secuencia de números aleatorios: random1 y random3 son la primera "
        "extracción tras la misma semilla, así que son iguales, y también lo son random2 y "
        "random4. Las extracciones consecutivas (random1, random2) son distintas. torch.empty "
        "es otra cosa: no extrae nada y solo reserva memoria, así que muestra los bytes que "
        "hubiera allí, con semilla o sin ella.",
    "Same seed, same random numbers (seed {seed})":
        "Misma semilla, mismos números aleatorios (semilla {seed})",
    "The seed must be a whole number between 0 and {limit}.":
        "La semilla debe ser un número entero entre 0 y {limit}.",
    "Set the seed to {seed}": "Fijar la semilla en {seed}",
    "Random constructors that follow draw the same numbers every time the code runs from this "
    "line.":
        "Los constructores aleatorios que siguen sacan los mismos números cada vez que el "
        "código se ejecuta desde esta línea.",
    "equal": "iguales",
    "different": "distintos",
    # .to(dtype)
    "Choose the dtype to convert to.": "Elige el dtype al que convertir.",
    "PyTorch refused to convert {source} to {dtype}.":
        "PyTorch se negó a convertir {source} a {dtype}.",
    "{source} already is {dtype}: .to returns the very same tensor, not a copy (same "
    "data_ptr).":
        "{source} ya es {dtype}: .to devuelve el mismo tensor, no una copia (mismo data_ptr).",
    ".to makes a new tensor with every value converted; floats become integers by dropping "
    "the fraction (toward zero).":
        ".to crea un tensor nuevo con cada valor convertido; los flotantes pasan a enteros "
        "quitando la parte decimal (hacia cero).",
    "Convert {source} to {dtype}": "Convertir {source} a {dtype}",
    "out= needs an existing workspace tensor; '{name}' is not one.":
        "out= necesita un tensor existente del espacio de trabajo; '{name}' no lo es.",
    "out={name}: PyTorch had to give {name} new memory.":
        "out={name}: PyTorch tuvo que darle memoria nueva a {name}.",
    "out={name}: the values were written into the memory {name} already had (same object, "
    "same data_ptr), no new tensor was made.":
        "out={name}: los valores se escribieron en la memoria que {name} ya tenía (mismo "
        "objeto, mismo data_ptr); no se creó ningún tensor nuevo.",
    "torch.{kind} is not offered with out= here; try zeros, ones, full, rand, randn or "
    "randint.":
        "torch.{kind} no se ofrece aquí con out=; prueba zeros, ones, full, rand, randn o "
        "randint.",
    "'{text}' is a boolean: {field} takes a whole number such as 3, and PyTorch refuses True "
    "and False there.":
        "'{text}' es un booleano: {field} recibe un número entero como 3, y PyTorch rechaza "
        "True y False ahí.",
}
