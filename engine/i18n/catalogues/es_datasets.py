"""Spanish for the Datasets engine messages (datasets_*.py, image_safety.py)."""

MESSAGES = {
    "A {count}-image grid (seed {seed})": "Una cuadrícula de {count} imágenes (semilla {seed})",
    "Indexing a Dataset like a list gives (image, label); without a transform the image is a "
    "PIL image, which plt.imshow draws.":
        "Indexar un Dataset como una lista da (imagen, etiqueta); sin transform la imagen es "
        "una imagen PIL, que plt.imshow dibuja.",
    "Item {index} as a tensor": "Elemento {index} como tensor",
    "ToTensor turns a PIL image (H, W) of 0–255 into a float tensor (C, H, W) of 0–1.":
        "ToTensor convierte una imagen PIL (H, W) de 0–255 en un tensor float (C, H, W) de "
        "0–1.",
    "Items per class": "Elementos por clase",
    "How many items each class has: a balanced dataset has equal bars.":
        "Cuántos elementos tiene cada clase: un dataset equilibrado tiene barras iguales.",
    "Transform preview of item {index}": "Vista previa de las transformaciones del elemento "
                                         "{index}",
    "transform acts on the image, target_transform on the label.":
        "transform actúa sobre la imagen, target_transform sobre la etiqueta.",
    "Index {index} is outside the dataset (0–{last}).":
        "El índice {index} está fuera del dataset (0–{last}).",
    "The built-in excerpt: the first 1,000 training and 500 test images of Fashion-MNIST "
    "(real photos, MIT licence, Zalando Research), read by torchvision.datasets.FashionMNIST "
    "like the full dataset.":
        "El extracto incluido: las primeras 1.000 imágenes de entrenamiento y 500 de prueba de "
        "Fashion-MNIST (fotos reales, licencia MIT, Zalando Research), leídas por "
        "torchvision.datasets.FashionMNIST como el dataset completo.",
    "torchvision.datasets.FashionMNIST reads the four IDX files under ROOT/FashionMNIST/raw.":
        "torchvision.datasets.FashionMNIST lee los cuatro archivos IDX de "
        "ROOT/FashionMNIST/raw.",
    "A custom Dataset: pandas reads the annotations, Pillow decodes each image when it is "
    "asked for (lazily, in __getitem__).":
        "Un Dataset propio: pandas lee las anotaciones y Pillow decodifica cada imagen cuando "
        "se pide (de forma perezosa, en __getitem__).",
    "ImageFolder: one sub-folder per class; the class index is the position of the folder "
    "name in sorted order.":
        "ImageFolder: una subcarpeta por clase; el índice de la clase es la posición del "
        "nombre de la carpeta en orden alfabético.",
    "{length} items.": "{length} elementos.",
    "{skipped} skipped (see the report).": "{skipped} omitidos (ver el informe).",
    "The CSV needs at least two columns (an image file name and a label); it has one.":
        "El CSV necesita al menos dos columnas (nombre del archivo de imagen y etiqueta); "
        "tiene una.",
    "Annotations file not found: {path}": "No se encuentra el archivo de anotaciones: {path}",
    "{path} is larger than 100 MiB: not opened.": "{path} ocupa más de 100 MiB: no se abre.",
    "{path} is empty: it needs one row per image (file name, label).":
        "{path} está vacío: necesita una fila por imagen (nombre de archivo, etiqueta).",
    "{path} has a header row but no data rows.":
        "{path} tiene una fila de encabezado pero ninguna fila de datos.",
    "The CSV has no column '{column}'; its columns are: {columns}.":
        "El CSV no tiene la columna '{column}'; sus columnas son: {columns}.",
    "pandas could not read {path}: {error}": "pandas no pudo leer {path}: {error}",
    "the label is missing": "falta la etiqueta",
    "the label {value} is negative: class indices start at 0":
        "la etiqueta {value} es negativa: los índices de clase empiezan en 0",
    "the label '{text}' is not a whole number": "la etiqueta '{text}' no es un número entero",
    "the file name is missing": "falta el nombre del archivo",
    "'{name}' points outside the image folder": "'{name}' apunta fuera de la carpeta de "
                                                "imágenes",
    "'{name}' does not exist in the image folder": "'{name}' no existe en la carpeta de "
                                                   "imágenes",
    "Image folder not found: {path}": "No se encuentra la carpeta de imágenes: {path}",
    "None of the {total} items can be used. First problems: {first}":
        "No se puede usar ninguno de los {total} elementos. Primeros problemas: {first}",
    "Folder not found: {path}": "No se encuentra la carpeta: {path}",
    "{path} has no sub-folders: ImageFolder expects one sub-folder per class (e.g. "
    "{path}/cat/1.png, {path}/dog/2.png).":
        "{path} no tiene subcarpetas: ImageFolder espera una subcarpeta por clase (p. ej. "
        "{path}/gato/1.png, {path}/perro/2.png).",
    "{path} holds more than {limit} files, more than this app checks.":
        "{path} contiene más de {limit} archivos, más de los que esta aplicación revisa.",
    "Listing files": "Listando archivos",
    "Choose the image folder.": "Elija la carpeta de imágenes.",
    "Choose the annotations CSV file.": "Elija el archivo CSV de anotaciones.",
    "it points outside the folder": "apunta fuera de la carpeta",
    "not an image file name ({suffixes})": "no es un nombre de archivo de imagen ({suffixes})",
    "line {line}": "línea {line}",
    "Checking images": "Revisando imágenes",
    "Place the four uncompressed IDX files ({names}) in {folder}.":
        "Coloque los cuatro archivos IDX sin comprimir ({names}) en {folder}.",
    "{file} is truncated: only {size} bytes, not even a header.":
        "{file} está truncado: solo {size} bytes, ni siquiera una cabecera.",
    "{file} is not an IDX {expected} file (its header says {found}). Were two files swapped "
    "or renamed?":
        "{file} no es un archivo IDX de {expected} (su cabecera dice {found}). ¿Se "
        "intercambiaron o renombraron dos archivos?",
    "{file} has {size} bytes but its header announces {shape}, which needs {expected} bytes: "
    "the file is truncated or damaged.":
        "{file} tiene {size} bytes pero su cabecera anuncia {shape}, que necesita {expected} "
        "bytes: el archivo está truncado o dañado.",
    "{file} holds {rows}×{cols} images; Fashion-MNIST images are 28×28.":
        "{file} contiene imágenes de {rows}×{cols}; las de Fashion-MNIST son de 28×28.",
    "{images} has {count} images but {labels} has {label_count} labels: they must match.":
        "{images} tiene {count} imágenes pero {labels} tiene {label_count} etiquetas: deben "
        "coincidir.",
    "{file}: label {value} at item {index} is outside 0–9 ({count} bad labels in all).":
        "{file}: la etiqueta {value} del elemento {index} está fuera de 0–9 ({count} "
        "etiquetas erróneas en total).",
    "Missing file {file}. {hint}": "Falta el archivo {file}. {hint}",
    "{batches} batches, {bps} batches/s, {sps} samples/s":
        "{batches} lotes, {bps} lotes/s, {sps} muestras/s",
    "Batch {number}": "Lote {number}",
    "Each next() returns one batch: the images stacked along a new first dimension and their "
    "labels.":
        "Cada next() devuelve un lote: las imágenes apiladas en una nueva primera dimensión y "
        "sus etiquetas.",
    "One epoch": "Una época",
    "An epoch is one pass over every batch; shuffle draws a new order for each epoch.":
        "Una época es una pasada por todos los lotes; shuffle sortea un orden nuevo en cada "
        "época.",
    "batch_size must be between 1 and {limit}.": "batch_size debe estar entre 1 y {limit}.",
    "num_workers must be between 0 and {limit}.": "num_workers debe estar entre 0 y {limit}.",
    "Starting the epoch": "Empezando la época",
    "Load {name}": "Cargar {name}",
    "Choose the root folder (the one that contains FashionMNIST/raw).":
        "Elija la carpeta raíz (la que contiene FashionMNIST/raw).",
    "Reading {folder}": "Leyendo {folder}",
    "Drop a folder or a CSV file; {path} is neither.":
        "Suelte una carpeta o un archivo CSV; {path} no es ninguna de las dos cosas.",
    "torchvision could not read the files in {folder}. {hint}":
        "torchvision no pudo leer los archivos de {folder}. {hint}",
    "Downloading {file} failed (no network?). {why} {hint}":
        "Falló la descarga de {file} (¿sin red?). {why} {hint}",
    "{file} is here but its MD5 is not the official one (a partial or modified copy), so it "
    "is downloaded again.":
        "{file} está aquí pero su MD5 no es el oficial (una copia parcial o modificada), así "
        "que se descarga de nuevo.",
    "{folder} holds the compressed .gz files only. Turn on \"download if missing\" "
    "(download=True): torchvision then checks their MD5 and extracts them, without the "
    "network.":
        "{folder} solo contiene los archivos comprimidos .gz. Active \"descargar si falta\" "
        "(download=True): torchvision comprueba entonces su MD5 y los extrae, sin usar la red.",
    "Cannot create the folder {folder}: {error}": "No se puede crear la carpeta {folder}: {error}",
    "Extracting {file}: its MD5 matches the official file":
        "Extrayendo {file}: su MD5 coincide con el del archivo oficial",
    "Downloading {file} ({number} of {total})": "Descargando {file} ({number} de {total})",
    "Fashion-MNIST files ready": "Archivos de Fashion-MNIST listos",
    "{path}: put the four Fashion-MNIST .gz files in ROOT/FashionMNIST/raw and drop that "
    "folder (or one of them).":
        "{path}: ponga los cuatro archivos .gz de Fashion-MNIST en ROOT/FashionMNIST/raw y "
        "suelte esa carpeta (o uno de ellos).",
    "Unknown source '{kind}'.": "Origen desconocido '{kind}'.",
    "Write one number, or one per channel separated by commas.":
        "Escriba un número, o uno por canal separados por comas.",
    "Every std must be greater than 0 (Normalize divides by it).":
        "Cada std debe ser mayor que 0 (Normalize divide por ella).",
    "'{text}' is not a list of numbers such as 0.5 or 0.5, 0.5, 0.5.":
        "'{text}' no es una lista de números como 0.5 o 0.5, 0.5, 0.5.",
    "Image file not found: {path}": "No se encuentra el archivo de imagen: {path}",
    "{path} is larger than 200 MiB: not opened.": "{path} ocupa más de 200 MiB: no se abre.",
    "{path} is {width}×{height} pixels, more than the {limit} pixels allowed: refused before "
    "decoding (it could be a decompression bomb).":
        "{path} tiene {width}×{height} píxeles, más de los {limit} permitidos: rechazada antes "
        "de decodificar (podría ser una bomba de descompresión).",
    "{path} claims more pixels than Pillow accepts: refused before decoding (it could be a "
    "decompression bomb).":
        "{path} declara más píxeles de los que Pillow acepta: rechazada antes de decodificar "
        "(podría ser una bomba de descompresión).",
    "{path} is not an image Pillow can read ({error}).":
        "{path} no es una imagen que Pillow pueda leer ({error}).",
    "{path} is corrupt or truncated and cannot be decoded ({error}).":
        "{path} está dañada o truncada y no se puede decodificar ({error}).",
    "The images of one batch have different sizes, so they cannot be stacked into one "
    "tensor. Turn on Resize in Transforms.":
        "Las imágenes de un lote tienen tamaños distintos, así que no se pueden apilar en un "
        "tensor. Active Resize en Transformaciones.",
    "With drop_last, a batch_size of {size} leaves no batch: the dataset has only {count} "
    "items.":
        "Con drop_last, un batch_size de {size} no deja ningún lote: el dataset solo tiene "
        "{count} elementos.",
    "The transform chain failed on item {index}. Normalize needs one mean and one std per "
    "channel (this image has {channels}).":
        "La cadena de transformaciones falló en el elemento {index}. Normalize necesita una "
        "media y una std por canal (esta imagen tiene {channels}).",
    "{field} has {count} values, but these images have {channels} channel(s): write one "
    "value, or one per channel.":
        "{field} tiene {count} valores, pero estas imágenes tienen {channels} canal(es): "
        "escriba un valor, o uno por canal.",
    # comments in the generated code
    "fork_rng: the seed applies here only, the global random stream stays as it was":
        "fork_rng: la semilla solo vale aquí, el flujo aleatorio global queda como estaba",
    "TorchScope's built-in excerpt of Fashion-MNIST (MIT licence, Zalando Research), in its "
    "resources folder":
        "el extracto de Fashion-MNIST incluido en TorchScope (licencia MIT, Zalando Research), "
        "en su carpeta de recursos",
    "the app's load_image also checks the header first and refuses images too large to "
    "decode safely":
        "el load_image de la aplicación además comprueba primero la cabecera y rechaza las "
        "imágenes demasiado grandes para decodificarlas con seguridad",
    "files the app refused (see its report), relative to root":
        "archivos que la aplicación rechazó (vea su informe), relativos a root",
    "one sub-folder per class": "una subcarpeta por clase",
    "rows the app skipped (see its report): DataFrame positions {dropped}":
        "filas que la aplicación omitió (vea su informe): posiciones del DataFrame {dropped}",
    "the CSV: file name, label": "el CSV: nombre de archivo, etiqueta",
    "the folder that contains FashionMNIST/raw": "la carpeta que contiene FashionMNIST/raw",
    "the folder the file names are relative to":
        "la carpeta respecto a la que se dan los nombres de archivo",
    "shuffle=True with a seeded generator: the same order on every run":
        "shuffle=True con un generador con semilla: el mismo orden en cada ejecución",
    "the batches before the one shown": "los lotes anteriores al que se muestra",
    "the random transforms draw from here": "las transformaciones aleatorias sacan de aquí",
    "Load a dataset first.": "Cargue primero un conjunto de datos.",
    "the CRC checksum of chunk {chunk} is wrong (stored {stored:08x}, computed "
    "{computed:08x})":
        "la suma de comprobación CRC del bloque {chunk} es incorrecta (guardada "
        "{stored:08x}, calculada {computed:08x})",
    "chunk {chunk} is cut short (the file is truncated)":
        "el bloque {chunk} está cortado (el archivo está truncado)",
    "Pillow's verify() says: {error}": "verify() de Pillow dice: {error}",
    "{path} is damaged: {problem}; the pixels may look right but the file is not intact.":
        "{path} está dañado: {problem}; los píxeles pueden parecer correctos, pero el archivo "
        "no está íntegro.",
    "{path} has {count} numeric columns besides the file name ({first}…) and none is named "
    "label or class. It may hold per-image numbers such as landmark coordinates, which is "
    "not a classification file. Choose the label column, or use a CSV with one class label "
    "per image.":
        "{path} tiene {count} columnas numéricas además del nombre de archivo ({first}…) y "
        "ninguna se llama label o class. Puede contener números por imagen, como coordenadas "
        "de puntos de referencia, y eso no es un archivo de clasificación. Elija la columna "
        "de la etiqueta, o use un CSV con una etiqueta de clase por imagen.",
    "upright, as the photo's EXIF orientation says":
        "derecha, como indica la orientación EXIF de la foto",
}
