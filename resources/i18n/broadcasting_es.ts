<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AlignmentTable</name>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="38"/>
        <source>dim</source>
        <translation>dim</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="38"/>
        <source>rule</source>
        <translation>regla</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="38"/>
        <source>result</source>
        <translation>resultado</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="40"/>
        <source>Dimension index in the result; in brackets, counted from the right</source>
        <translation>Índice de la dimensión en el resultado; entre paréntesis, contando desde la derecha</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="59"/>
        <source>equal ✓</source>
        <translation>iguales ✓</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="63"/>
        <source>{name} is 1 → stretched to 0 (empty) ✓</source>
        <translation>{name} es 1 → se estira a 0 (vacío) ✓</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="64"/>
        <source>{name} is 1 → stretched to {size} ✓</source>
        <translation>{name} es 1 → se estira a {size} ✓</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="68"/>
        <source>missing in {name} → padded with 1 ✓</source>
        <translation>falta en {name} → se rellena con 1 ✓</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="69"/>
        <source>missing in {name} → padded with 1, stretched to {size} ✓</source>
        <translation>falta en {name} → se rellena con 1 y se estira a {size} ✓</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="72"/>
        <source>{x} ≠ {y}: size 0 matches only 0 or 1 ✗</source>
        <translation>{x} ≠ {y}: el tamaño 0 solo encaja con 0 o 1 ✗</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="74"/>
        <source>{x} ≠ {y}, and neither is 1 ✗</source>
        <translation>{x} ≠ {y}, y ninguno es 1 ✗</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="111"/>
        <source>(1)</source>
        <translation>(1)</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/table.py" line="116"/>
        <source>Missing dimension: padded with 1 on the left</source>
        <translation>Dimensión ausente: se rellena con 1 por la izquierda</translation>
    </message>
</context>
<context>
    <name>BroadcastPictureView</name>
    <message>
        <location filename="../../gui/broadcasting/picture.py" line="132"/>
        <source>{expression} → shape {shape}, dtype {dtype}</source>
        <translation>{expression} → forma {shape}, dtype {dtype}</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture.py" line="138"/>
        <source>{expression} cannot store this: it writes into {name}, and {name}&apos;s faded cells are not real memory</source>
        <translation>{expression} no puede guardar esto: escribe en {name}, y las celdas tenues de {name} no son memoria real</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture.py" line="161"/>
        <source>empty: shape {shape} has no elements</source>
        <translation>vacío: la forma {shape} no tiene elementos</translation>
    </message>
</context>
<context>
    <name>BroadcastingTab</name>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="143"/>
        <source>Study note: dim 0 is missing in b</source>
        <translation>Apunte de estudio: a b le falta la dim 0</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="144"/>
        <source>Study note: b&apos;s last dim is 1</source>
        <translation>Apunte de estudio: la última dim de b es 1</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="145"/>
        <source>Study note: b&apos;s middle dim is 1</source>
        <translation>Apunte de estudio: la dim central de b es 1</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="146"/>
        <source>Study note: one row times both rows</source>
        <translation>Apunte de estudio: una fila por ambas filas</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="147"/>
        <source>Compare ==</source>
        <translation>Comparación ==</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="147"/>
        <source>(2,2) == (1,2): comparisons give bool</source>
        <translation>(2,2) == (1,2): las comparaciones dan bool</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="148"/>
        <source>Mismatch</source>
        <translation>Incompatibles</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="148"/>
        <source>(2,3) + (3,2): same number of elements, but not broadcastable</source>
        <translation>(2,3) + (3,2): mismo número de elementos, pero sin broadcasting posible</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="150"/>
        <source>Scalar</source>
        <translation>Un escalar</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="150"/>
        <source>(2,3) * (): a 0-d tensor broadcasts with anything</source>
        <translation>(2,3) * (): un tensor 0-d hace broadcasting con todo</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="152"/>
        <source>Size 0</source>
        <translation>Tamaño 0</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="152"/>
        <source>(0,3) + (1,3): 0 against 1 gives an empty result</source>
        <translation>(0,3) + (1,3): 0 frente a 1 da un resultado vacío</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="154"/>
        <source>Size 0 ✗</source>
        <translation>Tamaño 0 ✗</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="154"/>
        <source>(0,3) + (2,3): 0 broadcasts only against 0 or 1</source>
        <translation>(0,3) + (2,3): 0 solo hace broadcasting con 0 o 1</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="156"/>
        <source>In-place ✗</source>
        <translation>In situ ✗</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="156"/>
        <source>(3,1).add_((3,4)): a would have to grow</source>
        <translation>(3,1).add_((3,4)): a tendría que crecer</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="161"/>
        <source>Broadcast</source>
        <translation>Broadcasting</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="162"/>
        <source>Explain and compute a op b (Enter in a field)</source>
        <translation>Explicar y calcular a op b (Intro en un campo)</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="163"/>
        <source>The operation: arithmetic, comparisons (give bool) and in-place forms that write into a</source>
        <translation>La operación: aritmética, comparaciones (dan bool) y formas in situ que escriben en a</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="165"/>
        <source>Examples:</source>
        <translation>Ejemplos:</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="169"/>
        <source>PyTorch says:</source>
        <translation>PyTorch dice:</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="197"/>
        <source>Broadcasting</source>
        <translation>Broadcasting</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="234"/>
        <source>PyTorch refused these values: {error}</source>
        <translation>PyTorch rechazó estos valores: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="243"/>
        <source>✓ {expression} broadcasts: result shape {shape}</source>
        <translation>✓ {expression} hace broadcasting: forma del resultado {shape}</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="246"/>
        <source>✗ {expression} fails: {a} would have to grow to {shape} ({plain} works)</source>
        <translation>✗ {expression} falla: {a} tendría que crecer a {shape} ({plain} sí funciona)</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="251"/>
        <source>✗ {a} {shape_a} and {b} {shape_b} do not broadcast: dimension {dim} fails</source>
        <translation>✗ {a} {shape_a} y {b} {shape_b} no admiten broadcasting: falla la dimensión {dim}</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="262"/>
        <source>Stride 0 means the dimension is stretched without copying:</source>
        <translation>Stride 0 significa que la dimensión se estira sin copiar:</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/tab.py" line="283"/>
        <source>Point at a result cell to see where it comes from.</source>
        <translation>Señala una celda del resultado para ver de dónde sale.</translation>
    </message>
</context>
<context>
    <name>OperandInput</name>
    <message>
        <location filename="../../gui/broadcasting/inputs.py" line="58"/>
        <source>shape, e.g. 4, 3, 2</source>
        <translation>forma, p. ej. 4, 3, 2</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/inputs.py" line="59"/>
        <source>Write a shape as 2, 3 or (2, 3) or 2x3; () is a 0-d tensor (a single number)</source>
        <translation>Escribe una forma como 2, 3 o (2, 3) o 2x3; () es un tensor 0-d (un solo número)</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/inputs.py" line="61"/>
        <source>Use a typed shape, or a tensor kept in the Tensors tab</source>
        <translation>Usa una forma escrita o un tensor guardado en la pestaña Tensores</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/inputs.py" line="63"/>
        <location filename="../../gui/broadcasting/inputs.py" line="132"/>
        <source>typed shape</source>
        <translation>forma escrita</translation>
    </message>
</context>
<context>
    <name>PictureText</name>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="45"/>
        <source>{name}: shape {shape}</source>
        <translation>{name}: forma {shape}</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="49"/>
        <source>{name}: shape {shape} → {name}.expand{target}, stride {stride}</source>
        <translation>{name}: forma {shape} → {name}.expand{target}, stride {stride}</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="52"/>
        <source>{name}: shape {shape}, stride {stride} (nothing to stretch)</source>
        <translation>{name}: forma {shape}, stride {stride} (nada que estirar)</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="59"/>
        <source>{name}: dimension {dim} has size {size} (outlined) ✗</source>
        <translation>{name}: la dimensión {dim} mide {size} (recuadrada) ✗</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="67"/>
        <source>⋮ [{first}:{total}, :, :, :] not drawn: 1 more block of shape {block}; the table and the code cover it</source>
        <translation>⋮ [{first}:{total}, :, :, :] sin dibujar: 1 bloque más de forma {block}; la tabla y el código lo explican</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/broadcasting/picture_text.py" line="70"/>
        <source>⋮ [{first}:{total}, :, :, :] not drawn: %n more blocks of shape {block}; the table and the code cover them all</source>
        <translation>
            <numerusform>⋮ [{first}:{total}, :, :, :] sin dibujar: %n bloque más de forma {block}; la tabla y el código lo explican todo</numerusform>
            <numerusform>⋮ [{first}:{total}, :, :, :] sin dibujar: %n bloques más de forma {block}; la tabla y el código lo explican todo</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="82"/>
        <source>solid cells: values stored in memory</source>
        <translation>celdas sólidas: valores guardados en memoria</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="84"/>
        <source>faded, dashed cells: stretched copies, not copied in memory (stride 0)</source>
        <translation>celdas tenues y discontinuas: copias estiradas, no se copian en memoria (stride 0)</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="89"/>
        <source>point at or click a result cell: the operand cells it is computed from light up</source>
        <translation>señala o pulsa una celda del resultado: se iluminan las celdas de los operandos de las que sale</translation>
    </message>
    <message>
        <location filename="../../gui/broadcasting/picture_text.py" line="93"/>
        <source>outlined cells: dimension {dim}, where the sizes differ and neither is 1, so the shapes do not broadcast</source>
        <translation>celdas recuadradas: dimensión {dim}, donde los tamaños difieren y ninguno es 1, así que las formas no hacen broadcasting</translation>
    </message>
</context>
</TS>
