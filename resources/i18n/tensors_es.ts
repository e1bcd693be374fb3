<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AliasSection</name>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="103"/>
        <source>a is</source>
        <translation>a es</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="103"/>
        <source>Make b by</source>
        <translation>Crear b con</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="104"/>
        <source>View shape</source>
        <translation>Forma de la vista</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="104"/>
        <source>Name of b</source>
        <translation>Nombre de b</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="105"/>
        <source>Index of a</source>
        <translation>Índice de a</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="105"/>
        <source>New value</source>
        <translation>Valor nuevo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="115"/>
        <source>One index per dimension, e.g. 0, 1</source>
        <translation>Un índice por dimensión, p. ej. 0, 1</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="116"/>
        <source>Make b</source>
        <translation>Crear b</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="117"/>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="117"/>
        <source>made by</source>
        <translation>creado con</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="118"/>
        <source>storage / last edit</source>
        <translation>almacenamiento / última edición</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="151"/>
        <source>b (not made yet)</source>
        <translation>b (aún no creado)</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="152"/>
        <source>Edit {name}[index] = value</source>
        <translation>Editar {name}[índice] = valor</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="165"/>
        <source>Alias or copy</source>
        <translation>Alias o copia</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="173"/>
        <source>Edit a tensor</source>
        <translation>Editar un tensor</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="200"/>
        <location filename="../../gui/tensors/memory_alias.py" line="209"/>
        <source>shares storage</source>
        <translation>comparte almacenamiento</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="200"/>
        <location filename="../../gui/tensors/memory_alias.py" line="209"/>
        <source>own storage</source>
        <translation>almacenamiento propio</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="202"/>
        <source>b changed too</source>
        <translation>b también cambió</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="202"/>
        <source>b unchanged</source>
        <translation>b no cambió</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="211"/>
        <source>changed</source>
        <translation>cambió</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_alias.py" line="211"/>
        <source>unchanged</source>
        <translation>sin cambios</translation>
    </message>
</context>
<context>
    <name>CreatePanel</name>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="140"/>
        <source>Constructor</source>
        <translation>Constructor</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="141"/>
        <source>Keep as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="141"/>
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="142"/>
        <source>Fill value</source>
        <translation>Valor de relleno</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="142"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="143"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="143"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="173"/>
        <source>Like</source>
        <translation>Como</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="144"/>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="145"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="145"/>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="149"/>
        <source>Sizes such as 2, 3 or (2, 3) or 2x3 or [2,3]</source>
        <translation>Tamaños como 2, 3 o (2, 3) o 2x3 o [2,3]</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="150"/>
        <source>Nested lists or tuples, e.g. [[1, 2], [3, 4]]</source>
        <translation>Listas o tuplas anidadas, p. ej. [[1, 2], [3, 4]]</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="151"/>
        <source>The variable name in the code and the workspace</source>
        <translation>El nombre de la variable en el código y en el espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="152"/>
        <source>Call torch.manual_seed(seed) right before creating, so that the code reproduces the same numbers</source>
        <translation>Llamar a torch.manual_seed(semilla) justo antes de crear, para que el código reproduzca los mismos números</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="155"/>
        <source>Write into</source>
        <translation>Escribir en</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="156"/>
        <source>Write the values into an existing tensor of the same shape (torch.rand(2, 2, out=c)): same object, same memory</source>
        <translation>Escribe los valores en un tensor existente de la misma forma (torch.rand(2, 2, out=c)): mismo objeto, misma memoria</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="160"/>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="165"/>
        <source>default</source>
        <translation>por defecto</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="172"/>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="175"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="175"/>
        <source>Low</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="176"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="176"/>
        <source>High</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/create_panel.py" line="243"/>
        <source>Create a tensor</source>
        <translation>Crear un tensor</translation>
    </message>
</context>
<context>
    <name>MemoryPanel</name>
    <message>
        <location filename="../../gui/tensors/memory_panel.py" line="48"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_panel.py" line="52"/>
        <source>Shape and storage</source>
        <translation>Forma y almacenamiento</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_panel.py" line="52"/>
        <source>Alias or copy</source>
        <translation>Alias o copia</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_panel.py" line="53"/>
        <source>NumPy bridge</source>
        <translation>Puente con NumPy</translation>
    </message>
</context>
<context>
    <name>ModeChooser</name>
    <message>
        <location filename="../../gui/tensors/ops_fields.py" line="50"/>
        <source>new tensor</source>
        <translation>tensor nuevo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_fields.py" line="51"/>
        <source>in place: {method}</source>
        <translation>in situ: {method}</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_fields.py" line="54"/>
        <source>An existing tensor that receives the result</source>
        <translation>Un tensor existente que recibe el resultado</translation>
    </message>
</context>
<context>
    <name>NumpySection</name>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="80"/>
        <source>Shape of arr</source>
        <translation>Forma de arr</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="80"/>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="81"/>
        <source>Index</source>
        <translation>Índice</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="81"/>
        <source>New value</source>
        <translation>Valor nuevo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="84"/>
        <source>Build arr, from_numpy, tensor</source>
        <translation>Crear arr, from_numpy, tensor</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="85"/>
        <source>Change one element</source>
        <translation>Cambiar un elemento</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="87"/>
        <source>arr is a NumPy array; t_shared = torch.from_numpy(arr) shares its memory; t_copy = torch.tensor(arr) copies it; back = t_shared.numpy() shares it again.</source>
        <translation>arr es un array de NumPy; t_shared = torch.from_numpy(arr) comparte su memoria; t_copy = torch.tensor(arr) la copia; back = t_shared.numpy() vuelve a compartirla.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="97"/>
        <location filename="../../gui/tensors/memory_numpy.py" line="103"/>
        <source>NumPy bridge</source>
        <translation>Puente con NumPy</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="124"/>
        <source>shares memory</source>
        <translation>comparte memoria</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="124"/>
        <source>own memory</source>
        <translation>memoria propia</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="126"/>
        <source>changed!</source>
        <translation>¡cambió!</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="131"/>
        <source>back = t_shared.numpy() shares memory with arr: {shares}</source>
        <translation>back = t_shared.numpy() comparte memoria con arr: {shares}</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="132"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_numpy.py" line="132"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>OperationsPanel</name>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="111"/>
        <source>Arithmetic expression</source>
        <translation>Expresión aritmética</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="112"/>
        <source>Arithmetic (+ - * / **)</source>
        <translation>Aritmética (+ - * / **)</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="113"/>
        <source>Common functions</source>
        <translation>Funciones comunes</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="114"/>
        <source>Trigonometry and inverses</source>
        <translation>Trigonometría e inversas</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="115"/>
        <source>Bitwise (integers and bool)</source>
        <translation>Bit a bit (enteros y bool)</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="116"/>
        <source>Comparisons (→ bool)</source>
        <translation>Comparaciones (→ bool)</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="117"/>
        <source>Reductions</source>
        <translation>Reducciones</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="117"/>
        <source>Linear algebra</source>
        <translation>Álgebra lineal</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="120"/>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="127"/>
        <source>Expression</source>
        <translation>Expresión</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="127"/>
        <location filename="../../gui/tensors/ops_panel.py" line="263"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="128"/>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="128"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="129"/>
        <source>min</source>
        <translation>mín</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="129"/>
        <source>max</source>
        <translation>máx</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="130"/>
        <source>decimals</source>
        <translation>decimales</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="130"/>
        <source>dim</source>
        <translation>dim</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="131"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="131"/>
        <source>Keep as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="135"/>
        <source>e.g. torch.sin(x) * 2, x.sum(dim=0) or x @ x.T</source>
        <translation>p. ej. torch.sin(x) * 2, x.sum(dim=0) o x @ x.T</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="137"/>
        <source>A PyTorch expression over the workspace tensors, as the note writes it: torch.sin(a) * 2, a.sum(dim=0), a @ b.T, a.view(2, 3), math.pi * a. TorchScope runs it through its safe PyTorch language, never as plain Python.</source>
        <translation>Una expresión de PyTorch sobre los tensores del espacio de trabajo, tal como la escribe la nota: torch.sin(a) * 2, a.sum(dim=0), a @ b.T, a.view(2, 3), math.pi * a. TorchScope la ejecuta con su lenguaje PyTorch seguro, nunca como Python sin más.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="140"/>
        <source>A workspace tensor or a number such as 2.5</source>
        <translation>Un tensor del espacio de trabajo o un número como 2.5</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="141"/>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="142"/>
        <source>all elements</source>
        <translation>todos los elementos</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="143"/>
        <source>The name of the new tensor in the workspace</source>
        <translation>El nombre del tensor nuevo en el espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/ops_panel.py" line="144"/>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
</context>
<context>
    <name>SeedPanel</name>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="57"/>
        <source>A seed fixes the sequence of random numbers. The demo draws rand twice, sets the same seed again and draws twice more: compare random1 with random3.</source>
        <translation>Una semilla fija la secuencia de números aleatorios. La demo llama a rand dos veces, vuelve a fijar la misma semilla y llama dos veces más: compara random1 con random3.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="59"/>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="60"/>
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="61"/>
        <source>Set seed</source>
        <translation>Fijar semilla</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="62"/>
        <source>Run torch.manual_seed(seed) as a step</source>
        <translation>Ejecutar torch.manual_seed(semilla) como un paso</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="63"/>
        <source>Run demo</source>
        <translation>Ejecutar demo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="64"/>
        <source>seed → rand, rand; same seed → rand, rand</source>
        <translation>semilla → rand, rand; misma semilla → rand, rand</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="72"/>
        <source>Set the seed</source>
        <translation>Fijar la semilla</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/seed_panel.py" line="78"/>
        <source>Seed demo</source>
        <translation>Demo de semillas</translation>
    </message>
</context>
<context>
    <name>ShapeSection</name>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="103"/>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="103"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="104"/>
        <source>Arguments</source>
        <translation>Argumentos</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="104"/>
        <source>Keep as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="108"/>
        <source>Integers separated by commas: dims for unsqueeze/squeeze/transpose/permute, a shape for reshape/view/expand (-1 = infer)</source>
        <translation>Enteros separados por comas: dims para unsqueeze/squeeze/transpose/permute, una forma para reshape/view/expand (-1 = deducir)</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="110"/>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="111"/>
        <location filename="../../gui/tensors/memory_shape.py" line="208"/>
        <source>Hover an element or a storage cell.</source>
        <translation>Pasa el ratón por un elemento o una celda del almacenamiento.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="113"/>
        <source>Hover or click an element to see the storage cell it reads</source>
        <translation>Pasa el ratón o haz clic en un elemento para ver la celda de almacenamiento que lee</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="143"/>
        <source>Shape operation</source>
        <translation>Operación de forma</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="159"/>
        <source>Apply an operation to see the storage.</source>
        <translation>Aplica una operación para ver el almacenamiento.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="169"/>
        <source>{name} is a view of the same storage: same memory, new shape and strides.</source>
        <translation>{name} es una vista del mismo almacenamiento: la misma memoria con otra forma y otros strides.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="172"/>
        <source>{name} is a copy: new storage.</source>
        <translation>{name} es una copia: almacenamiento nuevo.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="188"/>
        <source>{name}: too large to draw</source>
        <translation>{name}: demasiado grande para dibujarlo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="192"/>
        <source>storage of {name}: {count} elements, first and last shown</source>
        <translation>almacenamiento de {name}: {count} elementos, se muestran los primeros y los últimos</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="194"/>
        <source>storage of {name}: {count} elements</source>
        <translation>almacenamiento de {name}: {count} elementos</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="200"/>
        <source>Colours: each storage cell has its own colour and every element of the view takes the colour of the cell it reads (→n: that cell&apos;s index). Grey: storage the view does not read. The bar marks the storage offset; … stands for the elements not drawn.</source>
        <translation>Colores: cada celda del almacenamiento tiene su propio color y cada elemento de la vista toma el color de la celda que lee (→n: el índice de esa celda). Gris: almacenamiento que la vista no lee. La barra marca el storage offset; … representa los elementos no dibujados.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/memory_shape.py" line="214"/>
        <source>{name}[{index}] reads storage[{cell}] = {value}</source>
        <translation>{name}[{index}] lee almacenamiento[{cell}] = {value}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tensors/memory_shape.py" line="223"/>
        <source>storage[{cell}] is read by %n element(s) of {name}</source>
        <translation>
            <numerusform>storage[{cell}] lo lee %n elemento de {name}</numerusform>
            <numerusform>storage[{cell}] lo leen %n elementos de {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TensorFactsView</name>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="108"/>
        <source>Size of each dimension</source>
        <translation>Tamaño de cada dimensión</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="109"/>
        <source>Type of every element</source>
        <translation>Tipo de cada elemento</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="110"/>
        <source>Where the memory lives (cpu, cuda, mps)</source>
        <translation>Dónde vive la memoria (cpu, cuda, mps)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="111"/>
        <source>Number of elements: the product of the shape</source>
        <translation>Número de elementos: el producto de la forma</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="112"/>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="141"/>
        <source>Bytes per element</source>
        <translation>Bytes por elemento</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="113"/>
        <source>numel × element_size: bytes of the elements</source>
        <translation>numel × element_size: bytes de los elementos</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="114"/>
        <source>Elements to skip in storage to move one step along each dim</source>
        <translation>Elementos que hay que saltar en el almacenamiento para avanzar un paso en cada dimensión</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="115"/>
        <source>Position of the first element in the storage</source>
        <translation>Posición del primer elemento en el almacenamiento</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="116"/>
        <source>True when the elements lie in storage in row-major order</source>
        <translation>True cuando los elementos están en el almacenamiento por filas (row-major)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="117"/>
        <source>Memory address of the first element: equal addresses mean shared memory</source>
        <translation>Dirección de memoria del primer elemento: direcciones iguales significan memoria compartida</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="119"/>
        <source>Counter that goes up with every in-place change</source>
        <translation>Contador que sube con cada cambio in situ</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="120"/>
        <source>Whether autograd records operations on this tensor</source>
        <translation>Si autograd registra las operaciones sobre este tensor</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="121"/>
        <source>True for tensors created by the user, not by an operation</source>
        <translation>True para tensores creados por el usuario, no por una operación</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="122"/>
        <source>The operation that created it (None for leaves)</source>
        <translation>La operación que lo creó (None para las hojas)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="123"/>
        <source>Counts of NaN, +inf and -inf. The heatmap shows them in magenta (NaN), red (+inf) and cyan (-inf).</source>
        <translation>Cantidad de NaN, +inf y -inf. El mapa de calor los muestra en magenta (NaN), rojo (+inf) y cian (-inf).</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="125"/>
        <source>Smallest and largest finite value</source>
        <translation>Menor y mayor valor finito</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="128"/>
        <source>NaN / ±inf</source>
        <translation>NaN / ±inf</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="129"/>
        <source>min … max</source>
        <translation>mín … máx</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="130"/>
        <source>same memory as</source>
        <translation>misma memoria que</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="137"/>
        <source>NumPy&apos;s shape: a plain tuple, not a torch.Size</source>
        <translation>La forma según NumPy: una tupla normal, no un torch.Size</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="138"/>
        <source>NumPy&apos;s element type</source>
        <translation>El tipo de los elementos según NumPy</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="139"/>
        <source>Bytes (not elements) to skip to move one step along each dim</source>
        <translation>Bytes (no elementos) que hay que saltar para avanzar un paso en cada dimensión</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="142"/>
        <source>Bytes of the elements</source>
        <translation>Bytes de los elementos</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="143"/>
        <source>True when the elements lie in memory in row-major (C) order</source>
        <translation>True cuando los elementos están en memoria por filas (orden C)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="145"/>
        <source>False when the array borrows its memory from another object (a base array or a tensor)</source>
        <translation>False cuando el array toma prestada la memoria de otro objeto (un array base o un tensor)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="147"/>
        <source>Whether the values may be changed in place</source>
        <translation>Si los valores se pueden cambiar en el sitio</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="148"/>
        <source>Memory address of the first element</source>
        <translation>Dirección de memoria del primer elemento</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_facts_view.py" line="149"/>
        <source>Tensors whose data_ptr() is this same address: changing one changes the other</source>
        <translation>Tensores cuyo data_ptr() es esta misma dirección: cambiar uno cambia el otro</translation>
    </message>
</context>
<context>
    <name>TensorHeatmap</name>
    <message>
        <location filename="../../gui/widgets/tensor_heatmap.py" line="191"/>
        <source>Marked: NaN magenta, +inf red, −inf cyan.</source>
        <translation>Marcados: NaN en magenta, +inf en rojo, −inf en cian.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_heatmap.py" line="193"/>
        <source>Big tensor: the picture skips rows and columns to fit the screen (zoom in for more); hovering a cell and the Values tab give every exact value.</source>
        <translation>Tensor grande: la imagen salta filas y columnas para caber en la pantalla (amplía para ver más); al pasar el ratón por una celda y en la pestaña Valores se ve cada valor exacto.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_heatmap.py" line="214"/>
        <source>Colour limits at the {q}–{r} percentiles ({a} … {b}), so that a few huge values do not paint everything one colour; true min … max: {low} … {high}.</source>
        <translation>Límites de color en los percentiles {q}–{r} ({a} … {b}), para que unos pocos valores enormes no pinten todo de un solo color; mín … máx reales: {low} … {high}.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_heatmap.py" line="222"/>
        <source>False: light grey, True: orange.</source>
        <translation>False: gris claro, True: naranja.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_heatmap.py" line="227"/>
        <source>Whole numbers {low} … {high}: one shade each, from dark blue (lowest) to yellow (highest); the bar&apos;s ticks name them.</source>
        <translation>Enteros {low} … {high}: un tono cada uno, de azul oscuro (el menor) a amarillo (el mayor); las marcas de la barra los nombran.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_heatmap.py" line="230"/>
        <source>Whole numbers, cividis map: dark blue = low, yellow = high.</source>
        <translation>Enteros, mapa cividis: azul oscuro = bajo, amarillo = alto.</translation>
    </message>
</context>
<context>
    <name>TensorPrintedView</name>
    <message>
        <location filename="../../gui/widgets/tensor_printed.py" line="44"/>
        <source>The tensor as print(t) shows it</source>
        <translation>El tensor tal como lo muestra print(t)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_printed.py" line="45"/>
        <source>Wrap lines</source>
        <translation>Ajustar líneas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_printed.py" line="46"/>
        <source>Break long lines at the box&apos;s edge instead of scrolling sideways</source>
        <translation>Partir las líneas largas en el borde del recuadro en lugar de desplazarse a los lados</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_printed.py" line="48"/>
        <source>Lines are wider than the box: scroll sideways → or tick Wrap lines.</source>
        <translation>Las líneas son más anchas que el recuadro: desplázate a la derecha → o marca Ajustar líneas.</translation>
    </message>
</context>
<context>
    <name>TensorSliceControls</name>
    <message>
        <location filename="../../gui/widgets/tensor_slice_controls.py" line="47"/>
        <source>Rows: dim</source>
        <translation>Filas: dim</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_slice_controls.py" line="48"/>
        <source>Columns: dim</source>
        <translation>Columnas: dim</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_slice_controls.py" line="49"/>
        <source>Dimension shown down the rows</source>
        <translation>Dimensión mostrada en las filas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_slice_controls.py" line="50"/>
        <source>Dimension shown across the columns</source>
        <translation>Dimensión mostrada en las columnas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_slice_controls.py" line="106"/>
        <source>dim {dim} = {index} of {size}</source>
        <translation>dim {dim} = {index} de {size}</translation>
    </message>
</context>
<context>
    <name>TensorViewer</name>
    <message>
        <location filename="../../gui/widgets/tensor_viewer.py" line="93"/>
        <source>Heatmap</source>
        <translation>Mapa de calor</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_viewer.py" line="94"/>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_viewer.py" line="242"/>
        <source>No tensor</source>
        <translation>Ningún tensor</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_viewer.py" line="245"/>
        <source>0-d (scalar)</source>
        <translation>0-d (escalar)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_viewer.py" line="257"/>
        <source>Hover a cell to read its index and value</source>
        <translation>Pasa el ratón por una celda para ver su índice y su valor</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/tensor_viewer.py" line="260"/>
        <source>Showing {expression}</source>
        <translation>Se muestra {expression}</translation>
    </message>
</context>
<context>
    <name>TensorsTab</name>
    <message>
        <location filename="../../gui/tensors/tab.py" line="152"/>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/tab.py" line="152"/>
        <source>Seeds</source>
        <translation>Semillas</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/tab.py" line="153"/>
        <source>Operate</source>
        <translation>Operar</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/tab.py" line="153"/>
        <source>Memory and shape</source>
        <translation>Memoria y forma</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/tab.py" line="156"/>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/tab.py" line="157"/>
        <source>This step produced several tensors</source>
        <translation>Este paso produjo varios tensores</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/tab.py" line="162"/>
        <source>Tensors demo</source>
        <translation>Demo de tensores</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/tab.py" line="235"/>
        <source>Show a tensor</source>
        <translation>Mostrar un tensor</translation>
    </message>
</context>
<context>
    <name>WorkspaceModel</name>
    <message>
        <location filename="../../gui/core/workspace_model.py" line="42"/>
        <source>{name}: shape {shape}, dtype {dtype}, requires_grad={grad}</source>
        <translation>{name}: forma {shape}, dtype {dtype}, requires_grad={grad}</translation>
    </message>
    <message>
        <location filename="../../gui/core/workspace_model.py" line="53"/>
        <source>scalar</source>
        <translation>escalar</translation>
    </message>
</context>
<context>
    <name>WorkspacePanel</name>
    <message>
        <location filename="../../gui/tensors/workspace_panel.py" line="62"/>
        <source>Workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/workspace_panel.py" line="63"/>
        <source>new name</source>
        <translation>nuevo nombre</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/workspace_panel.py" line="64"/>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/workspace_panel.py" line="65"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/workspace_panel.py" line="66"/>
        <source>Kept tensors: name, shape and dtype. Select one to see it; every tab can use them by name.</source>
        <translation>Tensores guardados: nombre, forma y dtype. Selecciona uno para verlo; todas las pestañas pueden usarlos por su nombre.</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/workspace_panel.py" line="123"/>
        <source>Rename {old} to {new}</source>
        <translation>Renombrar {old} como {new}</translation>
    </message>
    <message>
        <location filename="../../gui/tensors/workspace_panel.py" line="132"/>
        <source>Delete {name}</source>
        <translation>Eliminar {name}</translation>
    </message>
</context>
</TS>
