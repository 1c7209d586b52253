<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>MainWindow</name>
        <message>
            <source>Kartenwerk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent &amp;Data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pa&amp;nels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map Navigation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map Tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+O</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+S</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save Project &amp;As…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+S</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add Data…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+A</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export Map Image…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+,</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Pan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to &amp;Rectangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Identify Features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+I</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure &amp;Distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+M</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure A&amp;rea</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+J</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select by &amp;Rectangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+R</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select by &amp;Polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+P</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select by &amp;Expression…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+F3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Clear Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Alt+A</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to &amp;Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+J</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to &amp;Full Extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+F</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to &amp;Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+L</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl++</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+-</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map &amp;CRS…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+K</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;Group…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+G</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;name Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change &amp;Data Source…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;Attribute Table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F6</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer &amp;Style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F7</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Kartenwerk</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>All features</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interface language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new language applies when Kartenwerk starts again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Autosave unsaved changes to a recovery file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Autosave</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::AttributeTableModel</name>
        <message>
            <source>true</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>false</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::AttributeTablePanel</name>
        <message>
            <source>Filter expression, e.g. "NAME" LIKE 'W%' — Enter applies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attribute filter expression</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attribute table layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feature count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sorting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zoom to Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No vector layer selected</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::CrsListModel</name>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area of use</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::CrsPickerDialog</name>
        <message>
            <source>Coordinate Reference System</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Search (EPSG code or name):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 25832, UTM 32N, Gauss-Krüger, WGS 84</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search coordinate reference systems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinate reference systems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 coordinate reference systems found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 — %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>geographic (degrees)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>projected</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::IdentifyPanel</name>
        <message>
            <source>Identify results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click on the map with the identify tool (Ctrl+Shift+I).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identify summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zoom to Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Select Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing found at %1, %2.</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::LayerTreeModel</name>
        <message>
            <source>Legend entry %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Group %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This layer cannot be shown: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CRS: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opacity: %1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Broken layer: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::LayerTreePanel</name>
        <message>
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Space toggles visibility, F2 renames, Delete removes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opacity of the current layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Opacity:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Group name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add group %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change Data Source of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zoom to Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;Attribute Table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Style…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change &amp;Data Source…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;Group…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;Data…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::MainWindow</name>
        <message>
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identify Results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attribute Table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About Kartenwerk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h3&gt;Kartenwerk %1&lt;/h3&gt;&lt;p&gt;Desktop GIS for the city's geodata service.&lt;/p&gt;&lt;p&gt;Built on Qt %2, GDAL, PROJ and GEOS.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Untitled project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1[*] — Kartenwerk</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::MapCanvas</name>
        <message>
            <source>Map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drag or use the arrow keys to pan, the wheel or + and - to zoom, Shift+drag to zoom to a rectangle.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::MapStatusBar</name>
        <message>
            <source>Cursor coordinates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map coordinate reference system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map coordinate reference system: click to change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>W</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1  (%2° %3  %4° %5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map coordinate reference system: %1 — click to change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading %1/%2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::MeasureTool</name>
        <message>
            <source>%1 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 km</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 m²</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ha</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2 m²)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2 km²)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot measure in this CRS</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::ProjectActions</name>
        <message>
            <source>&amp;Clear List</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an unsaved project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore Unsaved Work?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kartenwerk was not closed properly. Unsaved changes to %1 from %2 were kept.

Restore them?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All supported formats (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The project has unsaved changes. Save them?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kartenwerk projects (*.kwproj);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot save project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save Project As</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kartenwerk projects (*.kwproj)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restart Kartenwerk?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new language applies after a restart. Restart now?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::ProjectCommands</name>
        <message>
            <source>Remove %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove %1 layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move %1 layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change opacity of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change style of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change labels of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change data source of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change map CRS to %1</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add %1</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::RuleListModel</name>
        <message>
            <source>Rule %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An expression, e.g. "BIR74" &gt; 10000; ELSE for all other features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colour</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::ScaleComboBox</name>
        <message>
            <source>Map scale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map scale: choose or type, e.g. 1:5000</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::SelectByExpressionDialog</name>
        <message>
            <source>Select by Expression — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fields</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. "BIR74" &gt; 10000 AND "NAME" LIKE 'W%'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selection expression</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add to selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove from selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selection mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Select</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Expression:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Mode:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Fields (double-click to insert):</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::SelectionController</name>
        <message>
            <source>Choose a loaded vector layer first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing is selected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No features selected.</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::SettingsDialog</name>
        <message>
            <source>System language</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kw::StylePanel</name>
        <message>
            <source>In&amp;vert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Single symbol</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Categorized</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Graduated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Proportional symbols</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heatmap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule-based</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Equal interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quantile (equal count)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Natural breaks (Jenks)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pretty breaks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Standard deviation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> mm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Circle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Square</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Triangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diamond</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cross</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Star</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double-click a class to change its colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit labels and filters in place; double-click the colour to change it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add Rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove R&amp;ule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Fill</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Outline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Symbology</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F&amp;ield:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Method:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Classes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colour &amp;ramp:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colours:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline &amp;width:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mar&amp;ker:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Si&amp;ze:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A field or an expression, e.g. "NAME" || ' (' || "BIR74" || ')'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> pt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Around point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Over point</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Along line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inside polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where labels would overlap, the higher priority wins</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Font si&amp;ze:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colo&amp;ur:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Halo:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Placement:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pri&amp;ority:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renderer type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Classification field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Classification method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number of classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colour ramp</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invert colour ramp</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline width</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marker shape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marker size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label font size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo width</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label placement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule Colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no weight)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (colour-blind safe)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Radi&amp;us:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Max. si&amp;ze:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a vector layer in the layer list to style it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The layer is not loaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a numeric field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Class Colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 – %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Kartenwerk desktop GIS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A project (*.kwproj) or data sources to open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write a PNG of the window after the first render, then exit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interface language: de or en.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
