<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>MainWindow</name>
        <message>
            <source>Kartenwerk</source>
            <translation>Kartenwerk</translation>
        </message>
        <message>
            <source>&amp;Project</source>
            <translation>&amp;Project</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Open &amp;Recent</translation>
        </message>
        <message>
            <source>Recent &amp;Data</source>
            <translation>Recent &amp;Data</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Pa&amp;nels</source>
            <translation>Pa&amp;nels</translation>
        </message>
        <message>
            <source>&amp;Layer</source>
            <translation>&amp;Layer</translation>
        </message>
        <message>
            <source>&amp;Selection</source>
            <translation>&amp;Selection</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>Map Navigation</source>
            <translation>Map Navigation</translation>
        </message>
        <message>
            <source>Map Tools</source>
            <translation>Map Tools</translation>
        </message>
        <message>
            <source>&amp;New Project</source>
            <translation>&amp;New Project</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>&amp;Open Project…</translation>
        </message>
        <message>
            <source>Ctrl+O</source>
            <translation>Ctrl+O</translation>
        </message>
        <message>
            <source>&amp;Save Project</source>
            <translation>&amp;Save Project</translation>
        </message>
        <message>
            <source>Ctrl+S</source>
            <translation>Ctrl+S</translation>
        </message>
        <message>
            <source>Save Project &amp;As…</source>
            <translation>Save Project &amp;As…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+S</source>
            <translation>Ctrl+Shift+S</translation>
        </message>
        <message>
            <source>&amp;Add Data…</source>
            <translation>&amp;Add Data…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+A</source>
            <translation>Ctrl+Shift+A</translation>
        </message>
        <message>
            <source>&amp;Export Map Image…</source>
            <translation>&amp;Export Map Image…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>Se&amp;ttings…</translation>
        </message>
        <message>
            <source>Ctrl+,</source>
            <translation>Ctrl+,</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <source>&amp;Pan</source>
            <translation>&amp;Pan</translation>
        </message>
        <message>
            <source>Ctrl+1</source>
            <translation>Ctrl+1</translation>
        </message>
        <message>
            <source>Zoom to &amp;Rectangle</source>
            <translation>Zoom to &amp;Rectangle</translation>
        </message>
        <message>
            <source>Ctrl+2</source>
            <translation>Ctrl+2</translation>
        </message>
        <message>
            <source>&amp;Identify Features</source>
            <translation>&amp;Identify Features</translation>
        </message>
        <message>
            <source>Ctrl+Shift+I</source>
            <translation>Ctrl+Shift+I</translation>
        </message>
        <message>
            <source>Measure &amp;Distance</source>
            <translation>Measure &amp;Distance</translation>
        </message>
        <message>
            <source>Ctrl+Shift+M</source>
            <translation>Ctrl+Shift+M</translation>
        </message>
        <message>
            <source>Measure A&amp;rea</source>
            <translation>Measure A&amp;rea</translation>
        </message>
        <message>
            <source>Ctrl+Shift+J</source>
            <translation>Ctrl+Shift+J</translation>
        </message>
        <message>
            <source>Select by &amp;Rectangle</source>
            <translation>Select by &amp;Rectangle</translation>
        </message>
        <message>
            <source>Ctrl+Shift+R</source>
            <translation>Ctrl+Shift+R</translation>
        </message>
        <message>
            <source>Select by &amp;Polygon</source>
            <translation>Select by &amp;Polygon</translation>
        </message>
        <message>
            <source>Ctrl+Shift+P</source>
            <translation>Ctrl+Shift+P</translation>
        </message>
        <message>
            <source>Select by &amp;Expression…</source>
            <translation>Select by &amp;Expression…</translation>
        </message>
        <message>
            <source>Ctrl+F3</source>
            <translation>Ctrl+F3</translation>
        </message>
        <message>
            <source>&amp;Clear Selection</source>
            <translation>&amp;Clear Selection</translation>
        </message>
        <message>
            <source>Ctrl+Alt+A</source>
            <translation>Ctrl+Alt+A</translation>
        </message>
        <message>
            <source>Zoom to &amp;Selection</source>
            <translation>Zoom to &amp;Selection</translation>
        </message>
        <message>
            <source>Ctrl+J</source>
            <translation>Ctrl+J</translation>
        </message>
        <message>
            <source>Zoom to &amp;Full Extent</source>
            <translation>Zoom to &amp;Full Extent</translation>
        </message>
        <message>
            <source>Ctrl+Shift+F</source>
            <translation>Ctrl+Shift+F</translation>
        </message>
        <message>
            <source>Zoom to &amp;Layer</source>
            <translation>Zoom to &amp;Layer</translation>
        </message>
        <message>
            <source>Ctrl+Shift+L</source>
            <translation>Ctrl+Shift+L</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Zoom &amp;In</translation>
        </message>
        <message>
            <source>Ctrl++</source>
            <translation>Ctrl++</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom &amp;Out</translation>
        </message>
        <message>
            <source>Ctrl+-</source>
            <translation>Ctrl+-</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>F5</source>
            <translation>F5</translation>
        </message>
        <message>
            <source>Map &amp;CRS…</source>
            <translation>Map &amp;CRS…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+K</source>
            <translation>Ctrl+Shift+K</translation>
        </message>
        <message>
            <source>Add &amp;Group…</source>
            <translation>Add &amp;Group…</translation>
        </message>
        <message>
            <source>Ctrl+G</source>
            <translation>Ctrl+G</translation>
        </message>
        <message>
            <source>&amp;Remove Layer</source>
            <translation>&amp;Remove Layer</translation>
        </message>
        <message>
            <source>Ctrl+D</source>
            <translation>Ctrl+D</translation>
        </message>
        <message>
            <source>Re&amp;name Layer</source>
            <translation>Re&amp;name Layer</translation>
        </message>
        <message>
            <source>F2</source>
            <translation>F2</translation>
        </message>
        <message>
            <source>Change &amp;Data Source…</source>
            <translation>Change &amp;Data Source…</translation>
        </message>
        <message>
            <source>Open &amp;Attribute Table</source>
            <translation>Open &amp;Attribute Table</translation>
        </message>
        <message>
            <source>F6</source>
            <translation>F6</translation>
        </message>
        <message>
            <source>Layer &amp;Style</source>
            <translation>Layer &amp;Style</translation>
        </message>
        <message>
            <source>F7</source>
            <translation>F7</translation>
        </message>
        <message>
            <source>&amp;About Kartenwerk</source>
            <translation>&amp;About Kartenwerk</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>All features</source>
            <translation>All features</translation>
        </message>
        <message>
            <source>Add item</source>
            <translation>Add item</translation>
        </message>
        <message>
            <source>Delete item</source>
            <translation>Delete item</translation>
        </message>
        <message>
            <source>New text</source>
            <translation>New text</translation>
        </message>
        <message>
            <source>Resize %1</source>
            <translation>Resize %1</translation>
        </message>
        <message>
            <source>Move %1</source>
            <translation>Move %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <source>A new language applies when Kartenwerk starts again.</source>
            <translation>A new language applies when Kartenwerk starts again.</translation>
        </message>
        <message>
            <source>&amp;Autosave unsaved changes to a recovery file</source>
            <translation>&amp;Autosave unsaved changes to a recovery file</translation>
        </message>
        <message>
            <source>Autosave</source>
            <translation>Autosave</translation>
        </message>
    </context>
    <context>
        <name>kw::AttributeTableModel</name>
        <message>
            <source>true</source>
            <translation>true</translation>
        </message>
        <message>
            <source>false</source>
            <translation>false</translation>
        </message>
    </context>
    <context>
        <name>kw::AttributeTablePanel</name>
        <message>
            <source>Filter expression, e.g. "NAME" LIKE 'W%' — Enter applies</source>
            <translation>Filter expression, e.g. "NAME" LIKE 'W%' — Enter applies</translation>
        </message>
        <message>
            <source>Attribute filter expression</source>
            <translation>Attribute filter expression</translation>
        </message>
        <message>
            <source>Filter error</source>
            <translation>Filter error</translation>
        </message>
        <message>
            <source>Attribute table layer</source>
            <translation>Attribute table layer</translation>
        </message>
        <message>
            <source>Feature count</source>
            <translation>Feature count</translation>
        </message>
        <message>
            <source>Zoom to Selection</source>
            <translation>Zoom to Selection</translation>
        </message>
        <message>
            <source>Zoom to selection</source>
            <translation>Zoom to selection</translation>
        </message>
        <message>
            <source>Clear Selection</source>
            <translation>Clear Selection</translation>
        </message>
        <message>
            <source>Clear selection</source>
            <translation>Clear selection</translation>
        </message>
        <message>
            <source>Attribute table</source>
            <translation>Attribute table</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>Sorting…</source>
            <translation>Sorting…</translation>
        </message>
        <message>
            <source>&amp;Zoom to Feature</source>
            <translation>&amp;Zoom to Feature</translation>
        </message>
        <message>
            <source>No vector layer selected</source>
            <translation>No vector layer selected</translation>
        </message>
        <message>
            <source>Selected Only</source>
            <translation>Selected Only</translation>
        </message>
        <message>
            <source>Show selected features only</source>
            <translation>Show selected features only</translation>
        </message>
        <message>
            <source>List only the selected features</source>
            <translation>List only the selected features</translation>
        </message>
    </context>
    <context>
        <name>kw::CrsListModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Area of use</source>
            <translation>Area of use</translation>
        </message>
    </context>
    <context>
        <name>kw::CrsPickerDialog</name>
        <message>
            <source>Coordinate Reference System</source>
            <translation>Coordinate Reference System</translation>
        </message>
        <message>
            <source>&amp;Search (EPSG code or name):</source>
            <translation>&amp;Search (EPSG code or name):</translation>
        </message>
        <message>
            <source>e.g. 25832, UTM 32N, Gauss-Krüger, WGS 84</source>
            <translation>e.g. 25832, UTM 32N, Gauss-Krüger, WGS 84</translation>
        </message>
        <message>
            <source>Search coordinate reference systems</source>
            <translation>Search coordinate reference systems</translation>
        </message>
        <message>
            <source>Coordinate reference systems</source>
            <translation>Coordinate reference systems</translation>
        </message>
        <message>
            <source>%1 coordinate reference systems found.</source>
            <translation>%1 coordinate reference systems found.</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 — %4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 — %4</translation>
        </message>
        <message>
            <source>geographic (degrees)</source>
            <translation>geographic (degrees)</translation>
        </message>
        <message>
            <source>projected</source>
            <translation>projected</translation>
        </message>
    </context>
    <context>
        <name>kw::IdentifyPanel</name>
        <message>
            <source>Identify results</source>
            <translation>Identify results</translation>
        </message>
        <message>
            <source>Click on the map with the identify tool (Ctrl+Shift+I).</source>
            <translation>Click on the map with the identify tool (Ctrl+Shift+I).</translation>
        </message>
        <message>
            <source>Identify summary</source>
            <translation>Identify summary</translation>
        </message>
        <message>
            <source>&amp;Zoom to Feature</source>
            <translation>&amp;Zoom to Feature</translation>
        </message>
        <message>
            <source>&amp;Select Feature</source>
            <translation>&amp;Select Feature</translation>
        </message>
        <message>
            <source>Nothing found at %1, %2.</source>
            <translation>Nothing found at %1, %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n feature(s) found.</source>
            <translation>
                <numerusform>%n feature found.</numerusform>
                <numerusform>%n features found.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kw::IdentifyResultsModel</name>
        <message>
            <source>Feature %1</source>
            <translation>Feature %1</translation>
        </message>
        <message numerus="yes">
            <source>%n feature(s)</source>
            <translation>
                <numerusform>%n feature</numerusform>
                <numerusform>%n features</numerusform>
            </translation>
        </message>
        <message>
            <source>ID %1</source>
            <translation>ID %1</translation>
        </message>
        <message>
            <source>Feature</source>
            <translation>Feature</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>no data</source>
            <translation>no data</translation>
        </message>
        <message>
            <source>raster</source>
            <translation>raster</translation>
        </message>
        <message>
            <source>Pixel</source>
            <translation>Pixel</translation>
        </message>
    </context>
    <context>
        <name>kw::LayerTreeModel</name>
        <message>
            <source>Legend entry %1</source>
            <translation>Legend entry %1</translation>
        </message>
        <message>
            <source>Group %1</source>
            <translation>Group %1</translation>
        </message>
        <message>
            <source>This layer cannot be shown: %1</source>
            <translation>This layer cannot be shown: %1</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Source: %1</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>%1 features</source>
            <translation>%1 features</translation>
        </message>
        <message>
            <source>CRS: %1</source>
            <translation>CRS: %1</translation>
        </message>
        <message>
            <source>Opacity: %1 %</source>
            <translation>Opacity: %1 %</translation>
        </message>
        <message>
            <source>Broken layer: %1</source>
            <translation>Broken layer: %1</translation>
        </message>
    </context>
    <context>
        <name>kw::LayerTreePanel</name>
        <message>
            <source>Layers</source>
            <translation>Layers</translation>
        </message>
        <message>
            <source>Space toggles visibility, F2 renames, Delete removes.</source>
            <translation>Space toggles visibility, F2 renames, Delete removes.</translation>
        </message>
        <message>
            <source>Layer opacity</source>
            <translation>Layer opacity</translation>
        </message>
        <message>
            <source>Opacity of the current layer</source>
            <translation>Opacity of the current layer</translation>
        </message>
        <message>
            <source>&amp;Opacity:</source>
            <translation>&amp;Opacity:</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>Add Group</source>
            <translation>Add Group</translation>
        </message>
        <message>
            <source>Group name:</source>
            <translation>Group name:</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Add group %1</source>
            <translation>Add group %1</translation>
        </message>
        <message>
            <source>Change Data Source of %1</source>
            <translation>Change Data Source of %1</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>&amp;Zoom to Layer</source>
            <translation>&amp;Zoom to Layer</translation>
        </message>
        <message>
            <source>Open &amp;Attribute Table</source>
            <translation>Open &amp;Attribute Table</translation>
        </message>
        <message>
            <source>&amp;Style…</source>
            <translation>&amp;Style…</translation>
        </message>
        <message>
            <source>Change &amp;Data Source…</source>
            <translation>Change &amp;Data Source…</translation>
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation>Re&amp;name</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>Add &amp;Group…</source>
            <translation>Add &amp;Group…</translation>
        </message>
        <message>
            <source>Add &amp;Data…</source>
            <translation>Add &amp;Data…</translation>
        </message>
    </context>
    <context>
        <name>kw::LayoutDesigner</name>
        <message>
            <source>Layout Designer</source>
            <translation>Layout Designer</translation>
        </message>
        <message>
            <source>Open a project (File ▸ Open Project…)</source>
            <translation>Open a project (File ▸ Open Project…)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>&amp;Open Project…</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Open Project</translation>
        </message>
        <message>
            <source>Kartenwerk projects (*.kwproj)</source>
            <translation>Kartenwerk projects (*.kwproj)</translation>
        </message>
        <message>
            <source>&amp;Save Project</source>
            <translation>&amp;Save Project</translation>
        </message>
        <message>
            <source>&amp;New Layout from Template</source>
            <translation>&amp;New Layout from Template</translation>
        </message>
        <message>
            <source>Print Pre&amp;view…</source>
            <translation>Print Pre&amp;view…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>&amp;Presentation Mode</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Add Item</source>
            <translation>&amp;Add Item</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Layout</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Map</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>Legend</translation>
        </message>
        <message>
            <source>Scale Bar</source>
            <translation>Scale Bar</translation>
        </message>
        <message>
            <source>North Arrow</source>
            <translation>North Arrow</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Picture</source>
            <translation>Picture</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>Table</translation>
        </message>
        <message>
            <source>Chart</source>
            <translation>Chart</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Shape</source>
            <translation>Shape</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>&amp;Align</source>
            <translation>&amp;Align</translation>
        </message>
        <message>
            <source>Left Edges</source>
            <translation>Left Edges</translation>
        </message>
        <message>
            <source>Right Edges</source>
            <translation>Right Edges</translation>
        </message>
        <message>
            <source>Top Edges</source>
            <translation>Top Edges</translation>
        </message>
        <message>
            <source>Bottom Edges</source>
            <translation>Bottom Edges</translation>
        </message>
        <message>
            <source>Horizontal Centres</source>
            <translation>Horizontal Centres</translation>
        </message>
        <message>
            <source>Vertical Centres</source>
            <translation>Vertical Centres</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Zoom to &amp;Pages</source>
            <translation>Zoom to &amp;Pages</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Zoom &amp;In</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom &amp;Out</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>Cannot open project</translation>
        </message>
        <message>
            <source>Some layers could not be loaded</source>
            <translation>Some layers could not be loaded</translation>
        </message>
        <message>
            <source>Layout Designer – %1</source>
            <translation>Layout Designer – %1</translation>
        </message>
        <message>
            <source>Item Properties</source>
            <translation>Item Properties</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message numerus="yes">
            <source>Layout “%1”: %n item(s)</source>
            <translation>
                <numerusform>Layout “%1”: %n item</numerusform>
                <numerusform>Layout “%1”: %n items</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>Cannot save</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Align items</source>
            <translation>Align items</translation>
        </message>
        <message>
            <source>Align %1</source>
            <translation>Align %1</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>Delete %n item</numerusform>
                <numerusform>Delete %n items</numerusform>
            </translation>
        </message>
        <message>
            <source>Print Preview – %1</source>
            <translation>Print Preview – %1</translation>
        </message>
    </context>
    <context>
        <name>kw::LayoutExportDialog</name>
        <message>
            <source>Export Layout “%1”</source>
            <translation>Export Layout “%1”</translation>
        </message>
        <message>
            <source>PDF (vector)</source>
            <translation>PDF (vector)</translation>
        </message>
        <message>
            <source>SVG (vector)</source>
            <translation>SVG (vector)</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG image</translation>
        </message>
        <message>
            <source>JPEG image</source>
            <translation>JPEG image</translation>
        </message>
        <message>
            <source>TIFF image</source>
            <translation>TIFF image</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source> dpi</source>
            <translation> dpi</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Resolution</translation>
        </message>
        <message>
            <source>World file (and GeoTIFF) from the map</source>
            <translation>World file (and GeoTIFF) from the map</translation>
        </message>
        <message>
            <source>Atlas: one page per feature ({name} in the file name: one file each)</source>
            <translation>Atlas: one page per feature ({name} in the file name: one file each)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Export Layout</source>
            <translation>Export Layout</translation>
        </message>
        <message>
            <source>page %1 (%2): %3</source>
            <translation>page %1 (%2): %3</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>• rasterised: %1</source>
            <translation>• rasterised: %1</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Exported</translation>
        </message>
        <message numerus="yes">
            <source>Wrote %n file(s).</source>
            <translation>
                <numerusform>Wrote %n file.</numerusform>
                <numerusform>Wrote %n files.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kw::LayoutPropertiesPanel</name>
        <message>
            <source>Frame</source>
            <translation>Frame</translation>
        </message>
        <message>
            <source>Text with [% expression %] placeholders</source>
            <translation>Text with [% expression %] placeholders</translation>
        </message>
        <message>
            <source>X</source>
            <translation>X</translation>
        </message>
        <message>
            <source>Y</source>
            <translation>Y</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>Width</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Height</translation>
        </message>
        <message>
            <source>Rotation</source>
            <translation>Rotation</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>All properties (JSON):</source>
            <translation>All properties (JSON):</translation>
        </message>
        <message>
            <source>Apply JSON</source>
            <translation>Apply JSON</translation>
        </message>
        <message>
            <source>No item selected</source>
            <translation>No item selected</translation>
        </message>
        <message>
            <source>Edit %1</source>
            <translation>Edit %1</translation>
        </message>
        <message>
            <source>Not valid JSON: %1</source>
            <translation>Not valid JSON: %1</translation>
        </message>
    </context>
    <context>
        <name>kw::MainWindow</name>
        <message>
            <source>Layers</source>
            <translation>Layers</translation>
        </message>
        <message>
            <source>Style</source>
            <translation>Style</translation>
        </message>
        <message>
            <source>Identify Results</source>
            <translation>Identify Results</translation>
        </message>
        <message>
            <source>Attribute Table</source>
            <translation>Attribute Table</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>About Kartenwerk</source>
            <translation>About Kartenwerk</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Kartenwerk %1&lt;/h3&gt;&lt;p&gt;Desktop GIS for the city's geodata service.&lt;/p&gt;&lt;p&gt;Built on Qt %2, GDAL, PROJ and GEOS.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Kartenwerk %1&lt;/h3&gt;&lt;p&gt;Desktop GIS for the city's geodata service.&lt;/p&gt;&lt;p&gt;Built on Qt %2, GDAL, PROJ and GEOS.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Untitled project</source>
            <translation>Untitled project</translation>
        </message>
        <message>
            <source>%1[*] — Kartenwerk</source>
            <translation>%1[*] — Kartenwerk</translation>
        </message>
        <message>
            <source>&lt;project opened&gt;</source>
            <translation>&lt;project opened&gt;</translation>
        </message>
        <message>
            <source>Undo history</source>
            <translation>Undo history</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Print &amp;Layouts…</source>
            <translation>Print &amp;Layouts…</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
    </context>
    <context>
        <name>kw::MapCanvas</name>
        <message>
            <source>Map</source>
            <translation>Map</translation>
        </message>
        <message>
            <source>Drag or use the arrow keys to pan, the wheel or + and - to zoom, Shift+drag to zoom to a rectangle.</source>
            <translation>Drag or use the arrow keys to pan, the wheel or + and - to zoom, Shift+drag to zoom to a rectangle.</translation>
        </message>
    </context>
    <context>
        <name>kw::MapStatusBar</name>
        <message>
            <source>Cursor coordinates</source>
            <translation>Cursor coordinates</translation>
        </message>
        <message>
            <source>Map coordinate reference system</source>
            <translation>Map coordinate reference system</translation>
        </message>
        <message>
            <source>Map coordinate reference system: click to change</source>
            <translation>Map coordinate reference system: click to change</translation>
        </message>
        <message>
            <source>Loading progress</source>
            <translation>Loading progress</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>Scale</translation>
        </message>
        <message>
            <source>N</source>
            <translation>N</translation>
        </message>
        <message>
            <source>S</source>
            <translation>S</translation>
        </message>
        <message>
            <source>E</source>
            <translation>E</translation>
        </message>
        <message>
            <source>W</source>
            <translation>W</translation>
        </message>
        <message>
            <source>%1  (%2° %3  %4° %5)</source>
            <translation>%1  (%2° %3  %4° %5)</translation>
        </message>
        <message>
            <source>Map coordinate reference system: %1 — click to change</source>
            <translation>Map coordinate reference system: %1 — click to change</translation>
        </message>
        <message>
            <source>Loading %1/%2</source>
            <translation>Loading %1/%2</translation>
        </message>
    </context>
    <context>
        <name>kw::MeasureTool</name>
        <message>
            <source>%1 m</source>
            <translation>%1 m</translation>
        </message>
        <message>
            <source>%1 km</source>
            <translation>%1 km</translation>
        </message>
        <message>
            <source>%1 m²</source>
            <translation>%1 m²</translation>
        </message>
        <message>
            <source>%1 ha</source>
            <translation>%1 ha</translation>
        </message>
        <message>
            <source>%1 (%2 m²)</source>
            <translation>%1 (%2 m²)</translation>
        </message>
        <message>
            <source>%1 (%2 km²)</source>
            <translation>%1 (%2 km²)</translation>
        </message>
        <message>
            <source>Cannot measure in this CRS</source>
            <translation>Cannot measure in this CRS</translation>
        </message>
    </context>
    <context>
        <name>kw::PresentationView</name>
        <message>
            <source>Presentation – %1</source>
            <translation>Presentation – %1</translation>
        </message>
    </context>
    <context>
        <name>kw::ProjectActions</name>
        <message>
            <source>&amp;Clear List</source>
            <translation>&amp;Clear List</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>Cannot open project</translation>
        </message>
        <message>
            <source>an unsaved project</source>
            <translation>an unsaved project</translation>
        </message>
        <message>
            <source>Restore Unsaved Work?</source>
            <translation>Restore Unsaved Work?</translation>
        </message>
        <message>
            <source>Kartenwerk was not closed properly. Unsaved changes to %1 from %2 were kept.

Restore them?</source>
            <translation>Kartenwerk was not closed properly. Unsaved changes to %1 from %2 were kept.

Restore them?</translation>
        </message>
        <message>
            <source>Cannot restore</source>
            <translation>Cannot restore</translation>
        </message>
        <message>
            <source>All supported formats (%1)</source>
            <translation>All supported formats (%1)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>Add Data</source>
            <translation>Add Data</translation>
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation>Unsaved Changes</translation>
        </message>
        <message>
            <source>The project has unsaved changes. Save them?</source>
            <translation>The project has unsaved changes. Save them?</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Open Project</translation>
        </message>
        <message>
            <source>Kartenwerk projects (*.kwproj);;All files (*)</source>
            <translation>Kartenwerk projects (*.kwproj);;All files (*)</translation>
        </message>
        <message>
            <source>Cannot save project</source>
            <translation>Cannot save project</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Save Project As</source>
            <translation>Save Project As</translation>
        </message>
        <message>
            <source>Kartenwerk projects (*.kwproj)</source>
            <translation>Kartenwerk projects (*.kwproj)</translation>
        </message>
        <message>
            <source>Export Map</source>
            <translation>Export Map</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
            <translation>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>Exported %1</translation>
        </message>
        <message>
            <source>Restart Kartenwerk?</source>
            <translation>Restart Kartenwerk?</translation>
        </message>
        <message>
            <source>The new language applies after a restart. Restart now?</source>
            <translation>The new language applies after a restart. Restart now?</translation>
        </message>
    </context>
    <context>
        <name>kw::ProjectCommands</name>
        <message>
            <source>Remove %1</source>
            <translation>Remove %1</translation>
        </message>
        <message>
            <source>Remove %1 layers</source>
            <translation>Remove %1 layers</translation>
        </message>
        <message>
            <source>Move %1</source>
            <translation>Move %1</translation>
        </message>
        <message>
            <source>Move %1 layers</source>
            <translation>Move %1 layers</translation>
        </message>
        <message>
            <source>Rename %1 to %2</source>
            <translation>Rename %1 to %2</translation>
        </message>
        <message>
            <source>Show %1</source>
            <translation>Show %1</translation>
        </message>
        <message>
            <source>Hide %1</source>
            <translation>Hide %1</translation>
        </message>
        <message>
            <source>Change opacity of %1</source>
            <translation>Change opacity of %1</translation>
        </message>
        <message>
            <source>Change style of %1</source>
            <translation>Change style of %1</translation>
        </message>
        <message>
            <source>Change labels of %1</source>
            <translation>Change labels of %1</translation>
        </message>
        <message>
            <source>Change data source of %1</source>
            <translation>Change data source of %1</translation>
        </message>
        <message>
            <source>Change map CRS to %1</source>
            <translation>Change map CRS to %1</translation>
        </message>
    </context>
    <context>
        <name>kw::ProjectController</name>
        <message numerus="yes">
            <source>Opening %n source(s)…</source>
            <translation>
                <numerusform>Opening %n source…</numerusform>
                <numerusform>Opening %n sources…</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot add data</source>
            <translation>Cannot add data</translation>
        </message>
        <message>
            <source>Add %1</source>
            <translation>Add %1</translation>
        </message>
        <message numerus="yes">
            <source>Add %n layer(s)</source>
            <translation>
                <numerusform>Add %n layer</numerusform>
                <numerusform>Add %n layers</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 cannot be shown: %2</source>
            <translation>%1 cannot be shown: %2</translation>
        </message>
    </context>
    <context>
        <name>kw::RuleListModel</name>
        <message>
            <source>Rule %1</source>
            <translation>Rule %1</translation>
        </message>
        <message>
            <source>An expression, e.g. "BIR74" &gt; 10000; ELSE for all other features</source>
            <translation>An expression, e.g. "BIR74" &gt; 10000; ELSE for all other features</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Filter</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Colour</translation>
        </message>
    </context>
    <context>
        <name>kw::ScaleComboBox</name>
        <message>
            <source>Map scale</source>
            <translation>Map scale</translation>
        </message>
        <message>
            <source>Map scale: choose or type, e.g. 1:5000</source>
            <translation>Map scale: choose or type, e.g. 1:5000</translation>
        </message>
    </context>
    <context>
        <name>kw::SelectByExpressionDialog</name>
        <message>
            <source>Select by Expression — %1</source>
            <translation>Select by Expression — %1</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>Fields</translation>
        </message>
        <message>
            <source>e.g. "BIR74" &gt; 10000 AND "NAME" LIKE 'W%'</source>
            <translation>e.g. "BIR74" &gt; 10000 AND "NAME" LIKE 'W%'</translation>
        </message>
        <message>
            <source>Selection expression</source>
            <translation>Selection expression</translation>
        </message>
        <message>
            <source>Replace selection</source>
            <translation>Replace selection</translation>
        </message>
        <message>
            <source>Add to selection</source>
            <translation>Add to selection</translation>
        </message>
        <message>
            <source>Remove from selection</source>
            <translation>Remove from selection</translation>
        </message>
        <message>
            <source>Selection mode</source>
            <translation>Selection mode</translation>
        </message>
        <message>
            <source>&amp;Select</source>
            <translation>&amp;Select</translation>
        </message>
        <message>
            <source>&amp;Expression:</source>
            <translation>&amp;Expression:</translation>
        </message>
        <message>
            <source>&amp;Mode:</source>
            <translation>&amp;Mode:</translation>
        </message>
        <message>
            <source>&amp;Fields (double-click to insert):</source>
            <translation>&amp;Fields (double-click to insert):</translation>
        </message>
    </context>
    <context>
        <name>kw::SelectionController</name>
        <message>
            <source>Choose a loaded vector layer first.</source>
            <translation>Choose a loaded vector layer first.</translation>
        </message>
        <message>
            <source>Nothing is selected.</source>
            <translation>Nothing is selected.</translation>
        </message>
        <message>
            <source>No features selected.</source>
            <translation>No features selected.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln feature(s) selected.</source>
            <translation>
                <numerusform>%Ln feature selected.</numerusform>
                <numerusform>%Ln features selected.</numerusform>
            </translation>
        </message>
        <message>
            <source>Add a vector layer first.</source>
            <translation>Add a vector layer first.</translation>
        </message>
    </context>
    <context>
        <name>kw::SeriesChartDock</name>
        <message>
            <source>Time series</source>
            <translation>Time series</translation>
        </message>
        <message>
            <source>Sensor layer</source>
            <translation>Sensor layer</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>Sites</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Save the chart as PNG or SVG</source>
            <translation>Save the chart as PNG or SVG</translation>
        </message>
        <message>
            <source>Export Chart</source>
            <translation>Export Chart</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG (*.svg)</source>
            <translation>PNG image (*.png);;SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
    </context>
    <context>
        <name>kw::SettingsDialog</name>
        <message>
            <source>System language</source>
            <translation>System language</translation>
        </message>
    </context>
    <context>
        <name>kw::StylePanel</name>
        <message>
            <source>In&amp;vert</source>
            <translation>In&amp;vert</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>Labels</translation>
        </message>
        <message>
            <source>Show &amp;labels</source>
            <translation>Show &amp;labels</translation>
        </message>
        <message>
            <source>Single symbol</source>
            <translation>Single symbol</translation>
        </message>
        <message>
            <source>Categorized</source>
            <translation>Categorized</translation>
        </message>
        <message>
            <source>Graduated</source>
            <translation>Graduated</translation>
        </message>
        <message>
            <source>Proportional symbols</source>
            <translation>Proportional symbols</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>Heatmap</translation>
        </message>
        <message>
            <source>Rule-based</source>
            <translation>Rule-based</translation>
        </message>
        <message>
            <source>Equal interval</source>
            <translation>Equal interval</translation>
        </message>
        <message>
            <source>Quantile (equal count)</source>
            <translation>Quantile (equal count)</translation>
        </message>
        <message>
            <source>Natural breaks (Jenks)</source>
            <translation>Natural breaks (Jenks)</translation>
        </message>
        <message>
            <source>Pretty breaks</source>
            <translation>Pretty breaks</translation>
        </message>
        <message>
            <source>Standard deviation</source>
            <translation>Standard deviation</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <source>Circle</source>
            <translation>Circle</translation>
        </message>
        <message>
            <source>Square</source>
            <translation>Square</translation>
        </message>
        <message>
            <source>Triangle</source>
            <translation>Triangle</translation>
        </message>
        <message>
            <source>Diamond</source>
            <translation>Diamond</translation>
        </message>
        <message>
            <source>Cross</source>
            <translation>Cross</translation>
        </message>
        <message>
            <source>Star</source>
            <translation>Star</translation>
        </message>
        <message>
            <source>Double-click a class to change its colour</source>
            <translation>Double-click a class to change its colour</translation>
        </message>
        <message>
            <source>Edit labels and filters in place; double-click the colour to change it</source>
            <translation>Edit labels and filters in place; double-click the colour to change it</translation>
        </message>
        <message>
            <source>&amp;Add Rule</source>
            <translation>&amp;Add Rule</translation>
        </message>
        <message>
            <source>Remove R&amp;ule</source>
            <translation>Remove R&amp;ule</translation>
        </message>
        <message>
            <source>&amp;Fill</source>
            <translation>&amp;Fill</translation>
        </message>
        <message>
            <source>&amp;Outline</source>
            <translation>&amp;Outline</translation>
        </message>
        <message>
            <source>Symbology</source>
            <translation>Symbology</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>&amp;Type:</translation>
        </message>
        <message>
            <source>F&amp;ield:</source>
            <translation>F&amp;ield:</translation>
        </message>
        <message>
            <source>&amp;Method:</source>
            <translation>&amp;Method:</translation>
        </message>
        <message>
            <source>&amp;Classes:</source>
            <translation>&amp;Classes:</translation>
        </message>
        <message>
            <source>Colour &amp;ramp:</source>
            <translation>Colour &amp;ramp:</translation>
        </message>
        <message>
            <source>Colours:</source>
            <translation>Colours:</translation>
        </message>
        <message>
            <source>Outline &amp;width:</source>
            <translation>Outline &amp;width:</translation>
        </message>
        <message>
            <source>Mar&amp;ker:</source>
            <translation>Mar&amp;ker:</translation>
        </message>
        <message>
            <source>Si&amp;ze:</source>
            <translation>Si&amp;ze:</translation>
        </message>
        <message>
            <source>A field or an expression, e.g. "NAME" || ' (' || "BIR74" || ')'</source>
            <translation>A field or an expression, e.g. "NAME" || ' (' || "BIR74" || ')'</translation>
        </message>
        <message>
            <source> pt</source>
            <translation> pt</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatic</translation>
        </message>
        <message>
            <source>Around point</source>
            <translation>Around point</translation>
        </message>
        <message>
            <source>Over point</source>
            <translation>Over point</translation>
        </message>
        <message>
            <source>Along line</source>
            <translation>Along line</translation>
        </message>
        <message>
            <source>Inside polygon</source>
            <translation>Inside polygon</translation>
        </message>
        <message>
            <source>Where labels would overlap, the higher priority wins</source>
            <translation>Where labels would overlap, the higher priority wins</translation>
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation>Te&amp;xt:</translation>
        </message>
        <message>
            <source>Font si&amp;ze:</source>
            <translation>Font si&amp;ze:</translation>
        </message>
        <message>
            <source>Colo&amp;ur:</source>
            <translation>Colo&amp;ur:</translation>
        </message>
        <message>
            <source>&amp;Halo:</source>
            <translation>&amp;Halo:</translation>
        </message>
        <message>
            <source>&amp;Placement:</source>
            <translation>&amp;Placement:</translation>
        </message>
        <message>
            <source>Pri&amp;ority:</source>
            <translation>Pri&amp;ority:</translation>
        </message>
        <message>
            <source>Renderer type</source>
            <translation>Renderer type</translation>
        </message>
        <message>
            <source>Classification field</source>
            <translation>Classification field</translation>
        </message>
        <message>
            <source>Classification method</source>
            <translation>Classification method</translation>
        </message>
        <message>
            <source>Number of classes</source>
            <translation>Number of classes</translation>
        </message>
        <message>
            <source>Colour ramp</source>
            <translation>Colour ramp</translation>
        </message>
        <message>
            <source>Invert colour ramp</source>
            <translation>Invert colour ramp</translation>
        </message>
        <message>
            <source>Fill colour</source>
            <translation>Fill colour</translation>
        </message>
        <message>
            <source>Outline colour</source>
            <translation>Outline colour</translation>
        </message>
        <message>
            <source>Outline width</source>
            <translation>Outline width</translation>
        </message>
        <message>
            <source>Marker shape</source>
            <translation>Marker shape</translation>
        </message>
        <message>
            <source>Marker size</source>
            <translation>Marker size</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>Classes</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>Rules</translation>
        </message>
        <message>
            <source>Show labels</source>
            <translation>Show labels</translation>
        </message>
        <message>
            <source>Label text</source>
            <translation>Label text</translation>
        </message>
        <message>
            <source>Label font size</source>
            <translation>Label font size</translation>
        </message>
        <message>
            <source>Label colour</source>
            <translation>Label colour</translation>
        </message>
        <message>
            <source>Halo width</source>
            <translation>Halo width</translation>
        </message>
        <message>
            <source>Halo colour</source>
            <translation>Halo colour</translation>
        </message>
        <message>
            <source>Label placement</source>
            <translation>Label placement</translation>
        </message>
        <message>
            <source>Label priority</source>
            <translation>Label priority</translation>
        </message>
        <message>
            <source>Rule Colour</source>
            <translation>Rule Colour</translation>
        </message>
        <message>
            <source>(no weight)</source>
            <translation>(no weight)</translation>
        </message>
        <message>
            <source>%1 (colour-blind safe)</source>
            <translation>%1 (colour-blind safe)</translation>
        </message>
        <message>
            <source>Radi&amp;us:</source>
            <translation>Radi&amp;us:</translation>
        </message>
        <message>
            <source>Max. si&amp;ze:</source>
            <translation>Max. si&amp;ze:</translation>
        </message>
        <message>
            <source>Select a vector layer in the layer list to style it.</source>
            <translation>Select a vector layer in the layer list to style it.</translation>
        </message>
        <message>
            <source>The layer is not loaded.</source>
            <translation>The layer is not loaded.</translation>
        </message>
        <message>
            <source>Choose a field.</source>
            <translation>Choose a field.</translation>
        </message>
        <message>
            <source>Choose a numeric field.</source>
            <translation>Choose a numeric field.</translation>
        </message>
        <message>
            <source>All features</source>
            <translation>All features</translation>
        </message>
        <message>
            <source>Class Colour</source>
            <translation>Class Colour</translation>
        </message>
        <message>
            <source>%1 – %2</source>
            <translation>%1 – %2</translation>
        </message>
    </context>
    <context>
        <name>kw::TemporalTools</name>
        <message>
            <source>%1: %2 – %3</source>
            <translation>%1: %2 – %3</translation>
        </message>
    </context>
    <context>
        <name>kw::TimeDock</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Show time</source>
            <translation>Show time</translation>
        </message>
        <message>
            <source>Off: time-aware layers show all their data</source>
            <translation>Off: time-aware layers show all their data</translation>
        </message>
        <message>
            <source>Previous step</source>
            <translation>Previous step</translation>
        </message>
        <message>
            <source>Play / pause</source>
            <translation>Play / pause</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Next step</translation>
        </message>
        <message>
            <source>Time slider</source>
            <translation>Time slider</translation>
        </message>
        <message>
            <source>Current time</source>
            <translation>Current time</translation>
        </message>
        <message>
            <source>Step between frames; each frame shows one step of data</source>
            <translation>Step between frames; each frame shows one step of data</translation>
        </message>
        <message>
            <source>How the observations of a step become one value</source>
            <translation>How the observations of a step become one value</translation>
        </message>
        <message>
            <source> steps/s</source>
            <translation> steps/s</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>Loop</translation>
        </message>
        <message>
            <source>Step:</source>
            <translation>Step:</translation>
        </message>
        <message>
            <source>Aggregation:</source>
            <translation>Aggregation:</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Speed:</translation>
        </message>
        <message>
            <source>Layers whose features have a start and an end: shown only while active</source>
            <translation>Layers whose features have a start and an end: shown only while active</translation>
        </message>
        <message>
            <source>no time-aware layer</source>
            <translation>no time-aware layer</translation>
        </message>
        <message>
            <source>all times</source>
            <translation>all times</translation>
        </message>
        <message>
            <source>15 minutes</source>
            <translation>15 minutes</translation>
        </message>
        <message>
            <source>1 hour</source>
            <translation>1 hour</translation>
        </message>
        <message>
            <source>3 hours</source>
            <translation>3 hours</translation>
        </message>
        <message>
            <source>6 hours</source>
            <translation>6 hours</translation>
        </message>
        <message>
            <source>1 day</source>
            <translation>1 day</translation>
        </message>
        <message>
            <source>1 week</source>
            <translation>1 week</translation>
        </message>
        <message>
            <source>1 month</source>
            <translation>1 month</translation>
        </message>
        <message>
            <source>3 months</source>
            <translation>3 months</translation>
        </message>
        <message>
            <source>1 year</source>
            <translation>1 year</translation>
        </message>
        <message>
            <source>mean</source>
            <translation>mean</translation>
        </message>
        <message>
            <source>minimum</source>
            <translation>minimum</translation>
        </message>
        <message>
            <source>maximum</source>
            <translation>maximum</translation>
        </message>
        <message>
            <source>sum</source>
            <translation>sum</translation>
        </message>
        <message>
            <source>count</source>
            <translation>count</translation>
        </message>
        <message>
            <source>last value</source>
            <translation>last value</translation>
        </message>
        <message>
            <source>first value</source>
            <translation>first value</translation>
        </message>
        <message>
            <source>median</source>
            <translation>median</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Kartenwerk desktop GIS</source>
            <translation>Kartenwerk desktop GIS</translation>
        </message>
        <message>
            <source>A project (*.kwproj) or data sources to open.</source>
            <translation>A project (*.kwproj) or data sources to open.</translation>
        </message>
        <message>
            <source>Write a PNG of the window after the first render, then exit.</source>
            <translation>Write a PNG of the window after the first render, then exit.</translation>
        </message>
        <message>
            <source>Interface language: de or en.</source>
            <translation>Interface language: de or en.</translation>
        </message>
        <message>
            <source>Kartenwerk opens one project at a time. Not opened: %1</source>
            <translation>Kartenwerk opens one project at a time. Not opened: %1</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Open Project</translation>
        </message>
    </context>
</TS>
