<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>BrowsePanel</name>
    <message>
        <location filename="../../gui/datasets/browse_panel.py" line="91" />
        <source>{count} items. Only the visible thumbnails are read; click one to see its tensor.</source>
        <translation>{count} elementos. Solo se leen las miniaturas visibles; haga clic en una para ver su tensor.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/browse_panel.py" line="94" />
        <source>Rotated by EXIF orientation {value}: the file stores the pixels turned, and the app shows them upright, as PIL's ImageOps.exif_transpose does.</source>
        <translation>Girada según la orientación EXIF {value}: el archivo guarda los píxeles girados y la app los muestra derechos, como hace ImageOps.exif_transpose de PIL.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/browse_panel.py" line="108" />
        <source>Item {index}: label {label} ({name})</source>
        <translation>Elemento {index}: etiqueta {label} ({name})</translation>
    </message>
</context>
<context>
    <name>ClassChart</name>
    <message>
        <location filename="../../gui/datasets/charts.py" line="95" />
        <source>items</source>
        <translation>elementos</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/charts.py" line="96" />
        <source>Items per class</source>
        <translation>Elementos por clase</translation>
    </message>
</context>
<context>
    <name>DatasetsTab</name>
    <message>
        <location filename="../../gui/datasets/tab.py" line="113" />
        <source>T-shirt/top</source>
        <translation>Camiseta/top</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="113" />
        <source>Trouser</source>
        <translation>Pantalón</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="113" />
        <source>Pullover</source>
        <translation>Jersey</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="114" />
        <source>Dress</source>
        <translation>Vestido</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="114" />
        <source>Coat</source>
        <translation>Abrigo</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="114" />
        <source>Sandal</source>
        <translation>Sandalia</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="114" />
        <source>Shirt</source>
        <translation>Camisa</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="115" />
        <source>Sneaker</source>
        <translation>Zapatilla</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="115" />
        <source>Bag</source>
        <translation>Bolso</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="115" />
        <source>Ankle boot</source>
        <translation>Botín</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="118" />
        <source>Samples and batches</source>
        <translation>Muestras y lotes</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="118" />
        <source>Transforms</source>
        <translation>Transformaciones</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="119" />
        <source>All items</source>
        <translation>Todos los elementos</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="119" />
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="120" />
        <source>Epoch order</source>
        <translation>Orden de la época</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="182" />
        <source>Loading dataset</source>
        <translation>Cargando el dataset</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="198" />
        <source>{count} items, {classes} classes.</source>
        <translation>{count} elementos, {classes} clases.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="201" />
        <source>{skipped} skipped: the rest loaded (list below).</source>
        <translation>{skipped} omitidos: el resto se cargó (lista abajo).</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="256" />
        <source>Drawing samples</source>
        <translation>Sorteando muestras</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="265" />
        <source>Counting classes</source>
        <translation>Contando clases</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/tab.py" line="278" />
        <source>Previewing transforms</source>
        <translation>Previsualizando transformaciones</translation>
    </message>
</context>
<context>
    <name>EpochOrderView</name>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="87" />
        <source>Run one epoch: each line lists the dataset indices that went into one batch.</source>
        <translation>Ejecute una época: cada línea lista los índices del dataset que fueron a un lote.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="90" />
        <source>batch {number}: {indices}</source>
        <translation>lote {number}: {indices}</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="94" />
        <source>… {more} more batches</source>
        <translation>… {more} lotes más</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <location filename="../../gui/datasets/image_grid.py" line="181" />
        <location filename="../../gui/datasets/image_grid.py" line="243" />
        <source>Click an image to open its tensor</source>
        <translation>Haga clic en una imagen para abrir su tensor</translation>
    </message>
</context>
<context>
    <name>ItemJobs</name>
    <message>
        <location filename="../../gui/datasets/item_jobs.py" line="27" />
        <source>Opening item</source>
        <translation>Abriendo elemento</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/item_jobs.py" line="48" />
        <source>Reading thumbnails</source>
        <translation>Leyendo miniaturas</translation>
    </message>
</context>
<context>
    <name>LoaderJobs</name>
    <message>
        <location filename="../../gui/datasets/loader_jobs.py" line="40" />
        <source>Next batch</source>
        <translation>Siguiente lote</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_jobs.py" line="58" />
        <source>Redrawing the batch</source>
        <translation>Redibujando el lote</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_jobs.py" line="67" />
        <source>Starting {count} worker processes: each one imports PyTorch, this takes a few seconds…</source>
        <translation>Iniciando {count} procesos trabajadores: cada uno importa PyTorch, tarda unos segundos…</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_jobs.py" line="99" />
        <source>One epoch</source>
        <translation>Una época</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_jobs.py" line="110" />
        <source>Epoch cancelled.</source>
        <translation>Época cancelada.</translation>
    </message>
</context>
<context>
    <name>LoaderPanel</name>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="186" />
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="188" />
        <source>Worker processes load batches in parallel. The first start takes a few seconds (each worker imports PyTorch); they are started safely from this threaded app with a fork server.</source>
        <translation>Los procesos trabajadores cargan lotes en paralelo. El primer arranque tarda unos segundos (cada uno importa PyTorch); se inician de forma segura desde esta aplicación con hilos mediante un servidor fork.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="191" />
        <source>Seeds the sampler's torch.Generator: the same seed gives the same shuffled order</source>
        <translation>Siembra el torch.Generator del sampler: la misma semilla da el mismo orden barajado</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="193" />
        <source>Next batch</source>
        <translation>Siguiente lote</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="194" />
        <source>Run one epoch</source>
        <translation>Ejecutar una época</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="195" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="196" />
        <source>Add Resize({size}, {size}) and retry</source>
        <translation>Añadir Resize({size}, {size}) y reintentar</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="198" />
        <source>Resize every image to one size, so that a batch can stack them into one tensor</source>
        <translation>Redimensiona todas las imágenes a un mismo tamaño, para que un lote pueda apilarlas en un tensor</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="206" />
        <source>Run one epoch to measure batches/s and samples/s.</source>
        <translation>Ejecute una época para medir lotes/s y muestras/s.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="244" />
        <source>Batch {number} of {total}
Feature batch shape: {features}
Labels batch shape: {labels}
{dtype}, values {low:.3g} … {high:.3g}</source>
        <translation>Lote {number} de {total}
Forma del lote de imágenes: {features}
Forma del lote de etiquetas: {labels}
{dtype}, valores {low:.3g} … {high:.3g}</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="251" />
        <source>Pictures drawn at {width}×{height} px to fit</source>
        <translation>Imágenes dibujadas a {width}×{height} px para que quepan</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="258" />
        <source>Labels:</source>
        <translation>Etiquetas:</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/loader_panel.py" line="272" />
        <source>Epoch: {batches} batches, {samples} samples in {seconds:.2f} s: {bps:.1f} batches/s, {sps:.0f} samples/s</source>
        <translation>Época: {batches} lotes, {samples} muestras en {seconds:.2f} s: {bps:.1f} lotes/s, {sps:.0f} muestras/s</translation>
    </message>
</context>
<context>
    <name>PixelHistogram</name>
    <message>
        <location filename="../../gui/datasets/charts.py" line="122" />
        <source>pixel value</source>
        <translation>valor del píxel</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/charts.py" line="123" />
        <source>pixels</source>
        <translation>píxeles</translation>
    </message>
</context>
<context>
    <name>SampleGridPanel</name>
    <message>
        <location filename="../../gui/datasets/grid_panel.py" line="50" />
        <source>9 random samples, titled with the label map</source>
        <translation>9 muestras al azar, tituladas con el mapa de etiquetas</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/grid_panel.py" line="51" />
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/grid_panel.py" line="52" />
        <source>Re-roll</source>
        <translation>Otra tirada</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/grid_panel.py" line="53" />
        <source>Draw 9 other samples (the next seed)</source>
        <translation>Sortear otras 9 muestras (la semilla siguiente)</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/grid_panel.py" line="55" />
        <source>Built-in excerpt: the first 1,000 training images of Fashion-MNIST (Zalando Research, MIT licence).</source>
        <translation>Extracto incluido: las primeras 1.000 imágenes de entrenamiento de Fashion-MNIST (Zalando Research, licencia MIT).</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="160" />
        <source>Fashion-MNIST excerpt (built in)</source>
        <translation>Extracto de Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="161" />
        <source>Fashion-MNIST folder</source>
        <translation>Carpeta de Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="162" />
        <source>CSV + image folder</source>
        <translation>CSV + carpeta de imágenes</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="163" />
        <source>ImageFolder (one sub-folder per class)</source>
        <translation>ImageFolder (una subcarpeta por clase)</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="166" />
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="167" />
        <source>Annotations</source>
        <translation>Anotaciones</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="168" />
        <source>File column</source>
        <translation>Columna de archivo</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="169" />
        <source>Label column</source>
        <translation>Columna de etiqueta</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="170" />
        <source>Split</source>
        <translation>Partición</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="171" />
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="172" />
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="173" />
        <source>download if missing</source>
        <translation>descargar si falta</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="174" />
        <source>download=True: needs a network connection</source>
        <translation>download=True: necesita conexión de red</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="175" />
        <source>Label map (one class name per line, index = line)</source>
        <translation>Mapa de etiquetas (un nombre de clase por línea, índice = línea)</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="176" />
        <source>Titles follow your edits; the names are kept with this source and used when you load it again</source>
        <translation>Los títulos siguen sus cambios; los nombres se guardan con este origen y se usan al cargarlo de nuevo</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="178" />
        <source>Load</source>
        <translation>Cargar</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="179" />
        <source>Skipped items are listed here.</source>
        <translation>Aquí se listan los elementos omitidos.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="180" />
        <location filename="../../gui/datasets/source_panel.py" line="202" />
        <location filename="../../gui/datasets/source_panel.py" line="220" />
        <source>(automatic)</source>
        <translation>(automática)</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="182" />
        <source>You can also drop a folder or a CSV file onto this tab.</source>
        <translation>También puede soltar una carpeta o un archivo CSV sobre esta pestaña.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="190" />
        <source>Image folder</source>
        <translation>Carpeta de imágenes</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="191" />
        <source>Root folder</source>
        <translation>Carpeta raíz</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="192" />
        <source>The folder that contains FashionMNIST/raw</source>
        <translation>La carpeta que contiene FashionMNIST/raw</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="201" />
        <source>(none: choose the label column)</source>
        <translation>(ninguna: elija la columna de la etiqueta)</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="212" />
        <source>Which column holds each image's class label?</source>
        <translation>¿Qué columna contiene la etiqueta de clase de cada imagen?</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/source_panel.py" line="274" />
        <source>Not loaded. The dataset shown is still the previous one: {info}</source>
        <translation>No se cargó. El dataset que se muestra sigue siendo el anterior: {info}</translation>
    </message>
</context>
<context>
    <name>ThumbnailView</name>
    <message>
        <location filename="../../gui/datasets/thumbnails.py" line="159" />
        <source>Every item of the dataset; click one to open its tensor</source>
        <translation>Todos los elementos del dataset; haga clic en uno para abrir su tensor</translation>
    </message>
</context>
<context>
    <name>TransformPanel</name>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="132" />
        <source>To tensor</source>
        <translation>A tensor</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="134" />
        <location filename="../../gui/datasets/transform_panel.py" line="137" />
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="136" />
        <source>RandomRotation degrees</source>
        <translation>RandomRotation grados</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="140" />
        <source>target_transform: one-hot label (Lambda)</source>
        <translation>target_transform: etiqueta one-hot (Lambda)</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="141" />
        <source>Preview item</source>
        <translation>Elemento a previsualizar</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="142" />
        <source>Preview seed</source>
        <translation>Semilla de la vista previa</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="144" />
        <source>Random transforms draw from torch's global generator (they take no torch.Generator). The preview seeds it with the preview seed inside torch.random.fork_rng(); batches start from torch.manual_seed(seed) with the DataLoader's seed. Neither changes the random numbers of the other tabs, and the code reproduces these values.</source>
        <translation>Las transformaciones aleatorias toman sus números del generador global de torch (no aceptan un torch.Generator). La vista previa lo siembra con su semilla dentro de torch.random.fork_rng(); los lotes empiezan con torch.manual_seed(seed) con la semilla del DataLoader. Ninguna de las dos cambia los números aleatorios de las otras pestañas, y el código reproduce estos valores.</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="182" />
        <source>before {height}×{width}</source>
        <translation>antes {height}×{width}</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="184" />
        <source>after {height}×{width}</source>
        <translation>después {height}×{width}</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/transform_panel.py" line="190" />
        <source>shape {shape}
dtype {dtype}
values {low:.4g} … {high:.4g}
label {before} → target {after}</source>
        <translation>forma {shape}
dtype {dtype}
valores {low:.4g} … {high:.4g}
etiqueta {before} → objetivo {after}</translation>
    </message>
</context>
<context>
    <name>ZoomableChart</name>
    <message>
        <location filename="../../gui/datasets/charts.py" line="48" />
        <source>Wheel: zoom · drag: pan · double-click: whole chart</source>
        <translation>Rueda: zoom · arrastrar: desplazar · doble clic: todo el gráfico</translation>
    </message>
    <message>
        <location filename="../../gui/datasets/charts.py" line="49" />
        <source>Reset view</source>
        <translation>Restablecer vista</translation>
    </message>
</context>
</TS>