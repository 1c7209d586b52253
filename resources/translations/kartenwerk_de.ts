<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>MainWindow</name>
        <message>
            <source>Kartenwerk</source>
            <translation>Kartenwerk</translation>
        </message>
        <message>
            <source>&amp;Project</source>
            <translation>&amp;Projekt</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>Recent &amp;Data</source>
            <translation>Zuletzt verwendete &amp;Daten</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>Pa&amp;nels</source>
            <translation>&amp;Bedienfelder</translation>
        </message>
        <message>
            <source>&amp;Layer</source>
            <translation>&amp;Ebene</translation>
        </message>
        <message>
            <source>&amp;Selection</source>
            <translation>Au&amp;swahl</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Projekt</translation>
        </message>
        <message>
            <source>Map Navigation</source>
            <translation>Kartennavigation</translation>
        </message>
        <message>
            <source>Map Tools</source>
            <translation>Kartenwerkzeuge</translation>
        </message>
        <message>
            <source>&amp;New Project</source>
            <translation>&amp;Neues Projekt</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>Projekt ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>Ctrl+O</source>
            <translation>Ctrl+O</translation>
        </message>
        <message>
            <source>&amp;Save Project</source>
            <translation>Projekt &amp;speichern</translation>
        </message>
        <message>
            <source>Ctrl+S</source>
            <translation>Ctrl+S</translation>
        </message>
        <message>
            <source>Save Project &amp;As…</source>
            <translation>Projekt speichern &amp;unter…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+S</source>
            <translation>Ctrl+Shift+S</translation>
        </message>
        <message>
            <source>&amp;Add Data…</source>
            <translation>Daten &amp;hinzufügen…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+A</source>
            <translation>Ctrl+Shift+A</translation>
        </message>
        <message>
            <source>&amp;Export Map Image…</source>
            <translation>Karte als Bild e&amp;xportieren…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>Ctrl+,</source>
            <translation>Ctrl+,</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <source>&amp;Pan</source>
            <translation>&amp;Verschieben</translation>
        </message>
        <message>
            <source>Ctrl+1</source>
            <translation>Ctrl+1</translation>
        </message>
        <message>
            <source>Zoom to &amp;Rectangle</source>
            <translation>Auf &amp;Rechteck zoomen</translation>
        </message>
        <message>
            <source>Ctrl+2</source>
            <translation>Ctrl+2</translation>
        </message>
        <message>
            <source>&amp;Identify Features</source>
            <translation>Objekte &amp;abfragen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+I</source>
            <translation>Ctrl+Shift+I</translation>
        </message>
        <message>
            <source>Measure &amp;Distance</source>
            <translation>&amp;Strecke messen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+M</source>
            <translation>Ctrl+Shift+M</translation>
        </message>
        <message>
            <source>Measure A&amp;rea</source>
            <translation>&amp;Fläche messen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+J</source>
            <translation>Ctrl+Shift+J</translation>
        </message>
        <message>
            <source>Select by &amp;Rectangle</source>
            <translation>Mit &amp;Rechteck auswählen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+R</source>
            <translation>Ctrl+Shift+R</translation>
        </message>
        <message>
            <source>Select by &amp;Polygon</source>
            <translation>Mit &amp;Polygon auswählen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+P</source>
            <translation>Ctrl+Shift+P</translation>
        </message>
        <message>
            <source>Select by &amp;Expression…</source>
            <translation>Mit &amp;Ausdruck auswählen…</translation>
        </message>
        <message>
            <source>Ctrl+F3</source>
            <translation>Ctrl+F3</translation>
        </message>
        <message>
            <source>&amp;Clear Selection</source>
            <translation>Auswahl &amp;aufheben</translation>
        </message>
        <message>
            <source>Ctrl+Alt+A</source>
            <translation>Ctrl+Alt+A</translation>
        </message>
        <message>
            <source>Zoom to &amp;Selection</source>
            <translation>Auf &amp;Auswahl zoomen</translation>
        </message>
        <message>
            <source>Ctrl+J</source>
            <translation>Ctrl+J</translation>
        </message>
        <message>
            <source>Zoom to &amp;Full Extent</source>
            <translation>Auf &amp;volle Ausdehnung zoomen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+F</source>
            <translation>Ctrl+Shift+F</translation>
        </message>
        <message>
            <source>Zoom to &amp;Layer</source>
            <translation>Auf &amp;Ebene zoomen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+L</source>
            <translation>Ctrl+Shift+L</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Hine&amp;inzoomen</translation>
        </message>
        <message>
            <source>Ctrl++</source>
            <translation>Ctrl++</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Hera&amp;uszoomen</translation>
        </message>
        <message>
            <source>Ctrl+-</source>
            <translation>Ctrl+-</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <source>F5</source>
            <translation>F5</translation>
        </message>
        <message>
            <source>Map &amp;CRS…</source>
            <translation>&amp;KBS der Karte…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+K</source>
            <translation>Ctrl+Shift+K</translation>
        </message>
        <message>
            <source>Add &amp;Group…</source>
            <translation>&amp;Gruppe hinzufügen…</translation>
        </message>
        <message>
            <source>Ctrl+G</source>
            <translation>Ctrl+G</translation>
        </message>
        <message>
            <source>&amp;Remove Layer</source>
            <translation>Ebene &amp;entfernen</translation>
        </message>
        <message>
            <source>Ctrl+D</source>
            <translation>Ctrl+D</translation>
        </message>
        <message>
            <source>Re&amp;name Layer</source>
            <translation>Ebene &amp;umbenennen</translation>
        </message>
        <message>
            <source>F2</source>
            <translation>F2</translation>
        </message>
        <message>
            <source>Change &amp;Data Source…</source>
            <translation>&amp;Datenquelle ändern…</translation>
        </message>
        <message>
            <source>Open &amp;Attribute Table</source>
            <translation>&amp;Attributtabelle öffnen</translation>
        </message>
        <message>
            <source>F6</source>
            <translation>F6</translation>
        </message>
        <message>
            <source>Layer &amp;Style</source>
            <translation>Ebenen&amp;stil</translation>
        </message>
        <message>
            <source>F7</source>
            <translation>F7</translation>
        </message>
        <message>
            <source>&amp;About Kartenwerk</source>
            <translation>&amp;Über Kartenwerk</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>All features</source>
            <translation>Alle Objekte</translation>
        </message>
        <message>
            <source>Add item</source>
            <translation>Element hinzufügen</translation>
        </message>
        <message>
            <source>Delete item</source>
            <translation>Element löschen</translation>
        </message>
        <message>
            <source>New text</source>
            <translation>Neuer Text</translation>
        </message>
        <message>
            <source>Resize %1</source>
            <translation>Größe von %1 ändern</translation>
        </message>
        <message>
            <source>Move %1</source>
            <translation>%1 verschieben</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Sprache der Oberfläche</translation>
        </message>
        <message>
            <source>A new language applies when Kartenwerk starts again.</source>
            <translation>Eine neue Sprache gilt ab dem nächsten Start von Kartenwerk.</translation>
        </message>
        <message>
            <source>&amp;Autosave unsaved changes to a recovery file</source>
            <translation>Ungesicherte Änderungen &amp;automatisch in eine Wiederherstellungsdatei sichern</translation>
        </message>
        <message>
            <source>Autosave</source>
            <translation>Automatisch sichern</translation>
        </message>
    </context>
    <context>
        <name>kw::AttributeTableModel</name>
        <message>
            <source>true</source>
            <translation>wahr</translation>
        </message>
        <message>
            <source>false</source>
            <translation>falsch</translation>
        </message>
    </context>
    <context>
        <name>kw::AttributeTablePanel</name>
        <message>
            <source>Filter expression, e.g. "NAME" LIKE 'W%' — Enter applies</source>
            <translation>Filterausdruck, z. B. "NAME" LIKE 'W%' – Eingabetaste wendet an</translation>
        </message>
        <message>
            <source>Attribute filter expression</source>
            <translation>Filterausdruck für Attribute</translation>
        </message>
        <message>
            <source>Filter error</source>
            <translation>Filterfehler</translation>
        </message>
        <message>
            <source>Attribute table layer</source>
            <translation>Ebene der Attributtabelle</translation>
        </message>
        <message>
            <source>Feature count</source>
            <translation>Anzahl der Objekte</translation>
        </message>
        <message>
            <source>Zoom to Selection</source>
            <translation>Auf Auswahl zoomen</translation>
        </message>
        <message>
            <source>Zoom to selection</source>
            <translation>Auf Auswahl zoomen</translation>
        </message>
        <message>
            <source>Clear Selection</source>
            <translation>Auswahl aufheben</translation>
        </message>
        <message>
            <source>Clear selection</source>
            <translation>Auswahl aufheben</translation>
        </message>
        <message>
            <source>Attribute table</source>
            <translation>Attributtabelle</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 von %2</translation>
        </message>
        <message>
            <source>Sorting…</source>
            <translation>Sortiere…</translation>
        </message>
        <message>
            <source>&amp;Zoom to Feature</source>
            <translation>Auf Objekt &amp;zoomen</translation>
        </message>
        <message>
            <source>No vector layer selected</source>
            <translation>Keine Vektorebene gewählt</translation>
        </message>
        <message>
            <source>Selected Only</source>
            <translation>Nur Auswahl</translation>
        </message>
        <message>
            <source>Show selected features only</source>
            <translation>Nur ausgewählte Objekte anzeigen</translation>
        </message>
        <message>
            <source>List only the selected features</source>
            <translation>Nur die ausgewählten Objekte auflisten</translation>
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
            <translation>Anwendungsbereich</translation>
        </message>
    </context>
    <context>
        <name>kw::CrsPickerDialog</name>
        <message>
            <source>Coordinate Reference System</source>
            <translation>Koordinatenbezugssystem</translation>
        </message>
        <message>
            <source>&amp;Search (EPSG code or name):</source>
            <translation>&amp;Suchen (EPSG-Code oder Name):</translation>
        </message>
        <message>
            <source>e.g. 25832, UTM 32N, Gauss-Krüger, WGS 84</source>
            <translation>z. B. 25832, UTM 32N, Gauß-Krüger, WGS 84</translation>
        </message>
        <message>
            <source>Search coordinate reference systems</source>
            <translation>Koordinatenbezugssysteme durchsuchen</translation>
        </message>
        <message>
            <source>Coordinate reference systems</source>
            <translation>Koordinatenbezugssysteme</translation>
        </message>
        <message>
            <source>%1 coordinate reference systems found.</source>
            <translation>%1 Koordinatenbezugssysteme gefunden.</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 — %4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 – %4</translation>
        </message>
        <message>
            <source>geographic (degrees)</source>
            <translation>geographisch (Grad)</translation>
        </message>
        <message>
            <source>projected</source>
            <translation>projiziert</translation>
        </message>
    </context>
    <context>
        <name>kw::IdentifyPanel</name>
        <message>
            <source>Identify results</source>
            <translation>Abfrageergebnisse</translation>
        </message>
        <message>
            <source>Click on the map with the identify tool (Ctrl+Shift+I).</source>
            <translation>Mit dem Abfragewerkzeug (Strg+Umschalt+I) in die Karte klicken.</translation>
        </message>
        <message>
            <source>Identify summary</source>
            <translation>Zusammenfassung der Abfrage</translation>
        </message>
        <message>
            <source>&amp;Zoom to Feature</source>
            <translation>Auf Objekt &amp;zoomen</translation>
        </message>
        <message>
            <source>&amp;Select Feature</source>
            <translation>Objekt &amp;auswählen</translation>
        </message>
        <message>
            <source>Nothing found at %1, %2.</source>
            <translation>Bei %1, %2 nichts gefunden.</translation>
        </message>
        <message numerus="yes">
            <source>%n feature(s) found.</source>
            <translation>
                <numerusform>%n Objekt gefunden.</numerusform>
                <numerusform>%n Objekte gefunden.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kw::IdentifyResultsModel</name>
        <message>
            <source>Feature %1</source>
            <translation>Objekt %1</translation>
        </message>
        <message numerus="yes">
            <source>%n feature(s)</source>
            <translation>
                <numerusform>%n Objekt</numerusform>
                <numerusform>%n Objekte</numerusform>
            </translation>
        </message>
        <message>
            <source>ID %1</source>
            <translation>ID %1</translation>
        </message>
        <message>
            <source>Feature</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>no data</source>
            <translation>keine Daten</translation>
        </message>
        <message>
            <source>raster</source>
            <translation>Raster</translation>
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
            <translation>Legendeneintrag %1</translation>
        </message>
        <message>
            <source>Group %1</source>
            <translation>Gruppe %1</translation>
        </message>
        <message>
            <source>This layer cannot be shown: %1</source>
            <translation>Diese Ebene kann nicht angezeigt werden: %1</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Quelle: %1</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>%1 features</source>
            <translation>%1 Objekte</translation>
        </message>
        <message>
            <source>CRS: %1</source>
            <translation>KBS: %1</translation>
        </message>
        <message>
            <source>Opacity: %1 %</source>
            <translation>Deckkraft: %1 %</translation>
        </message>
        <message>
            <source>Broken layer: %1</source>
            <translation>Defekte Ebene: %1</translation>
        </message>
    </context>
    <context>
        <name>kw::LayerTreePanel</name>
        <message>
            <source>Layers</source>
            <translation>Ebenen</translation>
        </message>
        <message>
            <source>Space toggles visibility, F2 renames, Delete removes.</source>
            <translation>Leertaste schaltet die Sichtbarkeit um, F2 benennt um, Entf entfernt.</translation>
        </message>
        <message>
            <source>Layer opacity</source>
            <translation>Deckkraft der Ebene</translation>
        </message>
        <message>
            <source>Opacity of the current layer</source>
            <translation>Deckkraft der aktuellen Ebene</translation>
        </message>
        <message>
            <source>&amp;Opacity:</source>
            <translation>&amp;Deckkraft:</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>Add Group</source>
            <translation>Gruppe hinzufügen</translation>
        </message>
        <message>
            <source>Group name:</source>
            <translation>Name der Gruppe:</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Gruppe</translation>
        </message>
        <message>
            <source>Add group %1</source>
            <translation>Gruppe %1 hinzufügen</translation>
        </message>
        <message>
            <source>Change Data Source of %1</source>
            <translation>Datenquelle von %1 ändern</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <source>&amp;Zoom to Layer</source>
            <translation>Auf Ebene &amp;zoomen</translation>
        </message>
        <message>
            <source>Open &amp;Attribute Table</source>
            <translation>&amp;Attributtabelle öffnen</translation>
        </message>
        <message>
            <source>&amp;Style…</source>
            <translation>&amp;Stil…</translation>
        </message>
        <message>
            <source>Change &amp;Data Source…</source>
            <translation>&amp;Datenquelle ändern…</translation>
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation>&amp;Umbenennen</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>Add &amp;Group…</source>
            <translation>&amp;Gruppe hinzufügen…</translation>
        </message>
        <message>
            <source>Add &amp;Data…</source>
            <translation>&amp;Daten hinzufügen…</translation>
        </message>
    </context>
    <context>
        <name>kw::LayoutDesigner</name>
        <message>
            <source>Layout Designer</source>
            <translation>Layout-Designer</translation>
        </message>
        <message>
            <source>Open a project (File ▸ Open Project…)</source>
            <translation>Ein Projekt öffnen (Datei ▸ Projekt öffnen…)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>Projekt ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Projekt öffnen</translation>
        </message>
        <message>
            <source>Kartenwerk projects (*.kwproj)</source>
            <translation>Kartenwerk-Projekte (*.kwproj)</translation>
        </message>
        <message>
            <source>&amp;Save Project</source>
            <translation>Projekt &amp;speichern</translation>
        </message>
        <message>
            <source>&amp;New Layout from Template</source>
            <translation>&amp;Neues Layout aus Vorlage</translation>
        </message>
        <message>
            <source>Print Pre&amp;view…</source>
            <translation>Druck&amp;vorschau…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportieren…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>&amp;Präsentationsmodus</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;Add Item</source>
            <translation>Element &amp;hinzufügen</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Layout</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Karte</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>Legende</translation>
        </message>
        <message>
            <source>Scale Bar</source>
            <translation>Maßstabsleiste</translation>
        </message>
        <message>
            <source>North Arrow</source>
            <translation>Nordpfeil</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Picture</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>Tabelle</translation>
        </message>
        <message>
            <source>Chart</source>
            <translation>Diagramm</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Quellen</translation>
        </message>
        <message>
            <source>Shape</source>
            <translation>Form</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <source>&amp;Align</source>
            <translation>&amp;Ausrichten</translation>
        </message>
        <message>
            <source>Left Edges</source>
            <translation>Linke Kanten</translation>
        </message>
        <message>
            <source>Right Edges</source>
            <translation>Rechte Kanten</translation>
        </message>
        <message>
            <source>Top Edges</source>
            <translation>Obere Kanten</translation>
        </message>
        <message>
            <source>Bottom Edges</source>
            <translation>Untere Kanten</translation>
        </message>
        <message>
            <source>Horizontal Centres</source>
            <translation>Waagrechte Mitten</translation>
        </message>
        <message>
            <source>Vertical Centres</source>
            <translation>Senkrechte Mitten</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>Zoom to &amp;Pages</source>
            <translation>Auf &amp;Seiten zoomen</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Hine&amp;inzoomen</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Hera&amp;uszoomen</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>Projekt kann nicht geöffnet werden</translation>
        </message>
        <message>
            <source>Some layers could not be loaded</source>
            <translation>Einige Ebenen konnten nicht geladen werden</translation>
        </message>
        <message>
            <source>Layout Designer – %1</source>
            <translation>Layout-Designer – %1</translation>
        </message>
        <message>
            <source>Item Properties</source>
            <translation>Elementeigenschaften</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message numerus="yes">
            <source>Layout “%1”: %n item(s)</source>
            <translation>
                <numerusform>Layout „%1“: %n Element</numerusform>
                <numerusform>Layout „%1“: %n Elemente</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>Speichern nicht möglich</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 gespeichert</translation>
        </message>
        <message>
            <source>Align items</source>
            <translation>Elemente ausrichten</translation>
        </message>
        <message>
            <source>Align %1</source>
            <translation>%1 ausrichten</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>%n Element löschen</numerusform>
                <numerusform>%n Elemente löschen</numerusform>
            </translation>
        </message>
        <message>
            <source>Print Preview – %1</source>
            <translation>Druckvorschau – %1</translation>
        </message>
    </context>
    <context>
        <name>kw::LayoutExportDialog</name>
        <message>
            <source>Export Layout “%1”</source>
            <translation>Layout „%1“ exportieren</translation>
        </message>
        <message>
            <source>PDF (vector)</source>
            <translation>PDF (Vektor)</translation>
        </message>
        <message>
            <source>SVG (vector)</source>
            <translation>SVG (Vektor)</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG-Bild</translation>
        </message>
        <message>
            <source>JPEG image</source>
            <translation>JPEG-Bild</translation>
        </message>
        <message>
            <source>TIFF image</source>
            <translation>TIFF-Bild</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source> dpi</source>
            <translation> dpi</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Auflösung</translation>
        </message>
        <message>
            <source>World file (and GeoTIFF) from the map</source>
            <translation>World-Datei (und GeoTIFF) aus der Karte</translation>
        </message>
        <message>
            <source>Atlas: one page per feature ({name} in the file name: one file each)</source>
            <translation>Atlas: eine Seite je Objekt ({name} im Dateinamen: je eine Datei)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>Export Layout</source>
            <translation>Layout exportieren</translation>
        </message>
        <message>
            <source>page %1 (%2): %3</source>
            <translation>Seite %1 (%2): %3</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message>
            <source>• rasterised: %1</source>
            <translation>• gerastert: %1</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Exportiert</translation>
        </message>
        <message numerus="yes">
            <source>Wrote %n file(s).</source>
            <translation>
                <numerusform>%n Datei geschrieben.</numerusform>
                <numerusform>%n Dateien geschrieben.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kw::LayoutPropertiesPanel</name>
        <message>
            <source>Frame</source>
            <translation>Rahmen</translation>
        </message>
        <message>
            <source>Text with [% expression %] placeholders</source>
            <translation>Text mit Platzhaltern [% Ausdruck %]</translation>
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
            <translation>Breite</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Höhe</translation>
        </message>
        <message>
            <source>Rotation</source>
            <translation>Drehung</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>All properties (JSON):</source>
            <translation>Alle Eigenschaften (JSON):</translation>
        </message>
        <message>
            <source>Apply JSON</source>
            <translation>JSON übernehmen</translation>
        </message>
        <message>
            <source>No item selected</source>
            <translation>Kein Element ausgewählt</translation>
        </message>
        <message>
            <source>Edit %1</source>
            <translation>%1 bearbeiten</translation>
        </message>
        <message>
            <source>Not valid JSON: %1</source>
            <translation>Kein gültiges JSON: %1</translation>
        </message>
    </context>
    <context>
        <name>kw::MainWindow</name>
        <message>
            <source>Layers</source>
            <translation>Ebenen</translation>
        </message>
        <message>
            <source>Style</source>
            <translation>Stil</translation>
        </message>
        <message>
            <source>Identify Results</source>
            <translation>Abfrageergebnisse</translation>
        </message>
        <message>
            <source>Attribute Table</source>
            <translation>Attributtabelle</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>About Kartenwerk</source>
            <translation>Über Kartenwerk</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Kartenwerk %1&lt;/h3&gt;&lt;p&gt;Desktop GIS for the city's geodata service.&lt;/p&gt;&lt;p&gt;Built on Qt %2, GDAL, PROJ and GEOS.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Kartenwerk %1&lt;/h3&gt;&lt;p&gt;Desktop-GIS für den Geodatendienst der Stadt.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, GDAL, PROJ und GEOS.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Untitled project</source>
            <translation>Unbenanntes Projekt</translation>
        </message>
        <message>
            <source>%1[*] — Kartenwerk</source>
            <translation>%1[*] – Kartenwerk</translation>
        </message>
        <message>
            <source>&lt;project opened&gt;</source>
            <translation>&lt;Projekt geöffnet&gt;</translation>
        </message>
        <message>
            <source>Undo history</source>
            <translation>Verlauf der Bearbeitungsschritte</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>Print &amp;Layouts…</source>
            <translation>Druck&amp;layouts…</translation>
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
            <translation>Karte</translation>
        </message>
        <message>
            <source>Drag or use the arrow keys to pan, the wheel or + and - to zoom, Shift+drag to zoom to a rectangle.</source>
            <translation>Ziehen oder Pfeiltasten verschieben, Mausrad oder + und - zoomen, Umschalt+Ziehen zoomt auf ein Rechteck.</translation>
        </message>
    </context>
    <context>
        <name>kw::MapStatusBar</name>
        <message>
            <source>Cursor coordinates</source>
            <translation>Koordinaten des Mauszeigers</translation>
        </message>
        <message>
            <source>Map coordinate reference system</source>
            <translation>Koordinatenbezugssystem der Karte</translation>
        </message>
        <message>
            <source>Map coordinate reference system: click to change</source>
            <translation>Koordinatenbezugssystem der Karte: zum Ändern klicken</translation>
        </message>
        <message>
            <source>Loading progress</source>
            <translation>Ladefortschritt</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>Maßstab</translation>
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
            <translation>O</translation>
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
            <translation>Koordinatenbezugssystem der Karte: %1 – zum Ändern klicken</translation>
        </message>
        <message>
            <source>Loading %1/%2</source>
            <translation>Lade %1/%2</translation>
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
            <translation>In diesem KBS kann nicht gemessen werden</translation>
        </message>
    </context>
    <context>
        <name>kw::PresentationView</name>
        <message>
            <source>Presentation – %1</source>
            <translation>Präsentation – %1</translation>
        </message>
    </context>
    <context>
        <name>kw::ProjectActions</name>
        <message>
            <source>&amp;Clear List</source>
            <translation>Liste &amp;leeren</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>Projekt kann nicht geöffnet werden</translation>
        </message>
        <message>
            <source>an unsaved project</source>
            <translation>einem ungespeicherten Projekt</translation>
        </message>
        <message>
            <source>Restore Unsaved Work?</source>
            <translation>Ungesicherte Arbeit wiederherstellen?</translation>
        </message>
        <message>
            <source>Kartenwerk was not closed properly. Unsaved changes to %1 from %2 were kept.

Restore them?</source>
            <translation>Kartenwerk wurde nicht ordnungsgemäß beendet. Ungesicherte Änderungen an %1 vom %2 wurden aufbewahrt.

Wiederherstellen?</translation>
        </message>
        <message>
            <source>Cannot restore</source>
            <translation>Wiederherstellen nicht möglich</translation>
        </message>
        <message>
            <source>All supported formats (%1)</source>
            <translation>Alle unterstützten Formate (%1)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Add Data</source>
            <translation>Daten hinzufügen</translation>
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <source>The project has unsaved changes. Save them?</source>
            <translation>Das Projekt hat ungespeicherte Änderungen. Speichern?</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Projekt öffnen</translation>
        </message>
        <message>
            <source>Kartenwerk projects (*.kwproj);;All files (*)</source>
            <translation>Kartenwerk-Projekte (*.kwproj);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Cannot save project</source>
            <translation>Projekt kann nicht gespeichert werden</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 gespeichert</translation>
        </message>
        <message>
            <source>Save Project As</source>
            <translation>Projekt speichern unter</translation>
        </message>
        <message>
            <source>Kartenwerk projects (*.kwproj)</source>
            <translation>Kartenwerk-Projekte (*.kwproj)</translation>
        </message>
        <message>
            <source>Export Map</source>
            <translation>Karte exportieren</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
            <translation>PNG-Bild (*.png);;PDF (*.pdf);;SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>%1 exportiert</translation>
        </message>
        <message>
            <source>Restart Kartenwerk?</source>
            <translation>Kartenwerk neu starten?</translation>
        </message>
        <message>
            <source>The new language applies after a restart. Restart now?</source>
            <translation>Die neue Sprache gilt nach einem Neustart. Jetzt neu starten?</translation>
        </message>
    </context>
    <context>
        <name>kw::ProjectCommands</name>
        <message>
            <source>Remove %1</source>
            <translation>%1 entfernen</translation>
        </message>
        <message>
            <source>Remove %1 layers</source>
            <translation>%1 Ebenen entfernen</translation>
        </message>
        <message>
            <source>Move %1</source>
            <translation>%1 verschieben</translation>
        </message>
        <message>
            <source>Move %1 layers</source>
            <translation>%1 Ebenen verschieben</translation>
        </message>
        <message>
            <source>Rename %1 to %2</source>
            <translation>%1 in %2 umbenennen</translation>
        </message>
        <message>
            <source>Show %1</source>
            <translation>%1 einblenden</translation>
        </message>
        <message>
            <source>Hide %1</source>
            <translation>%1 ausblenden</translation>
        </message>
        <message>
            <source>Change opacity of %1</source>
            <translation>Deckkraft von %1 ändern</translation>
        </message>
        <message>
            <source>Change style of %1</source>
            <translation>Stil von %1 ändern</translation>
        </message>
        <message>
            <source>Change labels of %1</source>
            <translation>Beschriftung von %1 ändern</translation>
        </message>
        <message>
            <source>Change data source of %1</source>
            <translation>Datenquelle von %1 ändern</translation>
        </message>
        <message>
            <source>Change map CRS to %1</source>
            <translation>KBS der Karte auf %1 ändern</translation>
        </message>
    </context>
    <context>
        <name>kw::ProjectController</name>
        <message numerus="yes">
            <source>Opening %n source(s)…</source>
            <translation>
                <numerusform>Öffne %n Datenquelle…</numerusform>
                <numerusform>Öffne %n Datenquellen…</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot add data</source>
            <translation>Daten können nicht hinzugefügt werden</translation>
        </message>
        <message>
            <source>Add %1</source>
            <translation>%1 hinzufügen</translation>
        </message>
        <message numerus="yes">
            <source>Add %n layer(s)</source>
            <translation>
                <numerusform>%n Ebene hinzufügen</numerusform>
                <numerusform>%n Ebenen hinzufügen</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 cannot be shown: %2</source>
            <translation>%1 kann nicht angezeigt werden: %2</translation>
        </message>
    </context>
    <context>
        <name>kw::RuleListModel</name>
        <message>
            <source>Rule %1</source>
            <translation>Regel %1</translation>
        </message>
        <message>
            <source>An expression, e.g. "BIR74" &gt; 10000; ELSE for all other features</source>
            <translation>Ein Ausdruck, z. B. "BIR74" &gt; 10000; ELSE für alle übrigen Objekte</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Bezeichnung</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Filter</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
    </context>
    <context>
        <name>kw::ScaleComboBox</name>
        <message>
            <source>Map scale</source>
            <translation>Kartenmaßstab</translation>
        </message>
        <message>
            <source>Map scale: choose or type, e.g. 1:5000</source>
            <translation>Kartenmaßstab: auswählen oder eingeben, z. B. 1:5000</translation>
        </message>
    </context>
    <context>
        <name>kw::SelectByExpressionDialog</name>
        <message>
            <source>Select by Expression — %1</source>
            <translation>Mit Ausdruck auswählen – %1</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>Felder</translation>
        </message>
        <message>
            <source>e.g. "BIR74" &gt; 10000 AND "NAME" LIKE 'W%'</source>
            <translation>z. B. "BIR74" &gt; 10000 AND "NAME" LIKE 'W%'</translation>
        </message>
        <message>
            <source>Selection expression</source>
            <translation>Auswahlausdruck</translation>
        </message>
        <message>
            <source>Replace selection</source>
            <translation>Auswahl ersetzen</translation>
        </message>
        <message>
            <source>Add to selection</source>
            <translation>Zur Auswahl hinzufügen</translation>
        </message>
        <message>
            <source>Remove from selection</source>
            <translation>Aus Auswahl entfernen</translation>
        </message>
        <message>
            <source>Selection mode</source>
            <translation>Auswahlmodus</translation>
        </message>
        <message>
            <source>&amp;Select</source>
            <translation>&amp;Auswählen</translation>
        </message>
        <message>
            <source>&amp;Expression:</source>
            <translation>&amp;Ausdruck:</translation>
        </message>
        <message>
            <source>&amp;Mode:</source>
            <translation>&amp;Modus:</translation>
        </message>
        <message>
            <source>&amp;Fields (double-click to insert):</source>
            <translation>&amp;Felder (Doppelklick fügt ein):</translation>
        </message>
    </context>
    <context>
        <name>kw::SelectionController</name>
        <message>
            <source>Choose a loaded vector layer first.</source>
            <translation>Bitte zuerst eine geladene Vektorebene wählen.</translation>
        </message>
        <message>
            <source>Nothing is selected.</source>
            <translation>Nichts ausgewählt.</translation>
        </message>
        <message>
            <source>No features selected.</source>
            <translation>Keine Objekte ausgewählt.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln feature(s) selected.</source>
            <translation>
                <numerusform>%Ln Objekt ausgewählt.</numerusform>
                <numerusform>%Ln Objekte ausgewählt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Add a vector layer first.</source>
            <translation>Bitte zuerst eine Vektorebene hinzufügen.</translation>
        </message>
    </context>
    <context>
        <name>kw::SeriesChartDock</name>
        <message>
            <source>Time series</source>
            <translation>Zeitreihe</translation>
        </message>
        <message>
            <source>Sensor layer</source>
            <translation>Sensorebene</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>Messstellen</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <source>Save the chart as PNG or SVG</source>
            <translation>Diagramm als PNG oder SVG speichern</translation>
        </message>
        <message>
            <source>Export Chart</source>
            <translation>Diagramm exportieren</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG (*.svg)</source>
            <translation>PNG-Bild (*.png);;SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
    </context>
    <context>
        <name>kw::SettingsDialog</name>
        <message>
            <source>System language</source>
            <translation>Systemsprache</translation>
        </message>
    </context>
    <context>
        <name>kw::StylePanel</name>
        <message>
            <source>In&amp;vert</source>
            <translation>&amp;Umkehren</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>Beschriftung</translation>
        </message>
        <message>
            <source>Show &amp;labels</source>
            <translation>&amp;Beschriftung anzeigen</translation>
        </message>
        <message>
            <source>Single symbol</source>
            <translation>Einzelsymbol</translation>
        </message>
        <message>
            <source>Categorized</source>
            <translation>Kategorisiert</translation>
        </message>
        <message>
            <source>Graduated</source>
            <translation>Abgestuft</translation>
        </message>
        <message>
            <source>Proportional symbols</source>
            <translation>Proportionale Symbole</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>Heatmap</translation>
        </message>
        <message>
            <source>Rule-based</source>
            <translation>Regelbasiert</translation>
        </message>
        <message>
            <source>Equal interval</source>
            <translation>Gleiche Intervalle</translation>
        </message>
        <message>
            <source>Quantile (equal count)</source>
            <translation>Quantile (gleiche Anzahl)</translation>
        </message>
        <message>
            <source>Natural breaks (Jenks)</source>
            <translation>Natürliche Unterbrechungen (Jenks)</translation>
        </message>
        <message>
            <source>Pretty breaks</source>
            <translation>Runde Klassengrenzen</translation>
        </message>
        <message>
            <source>Standard deviation</source>
            <translation>Standardabweichung</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <source>Circle</source>
            <translation>Kreis</translation>
        </message>
        <message>
            <source>Square</source>
            <translation>Quadrat</translation>
        </message>
        <message>
            <source>Triangle</source>
            <translation>Dreieck</translation>
        </message>
        <message>
            <source>Diamond</source>
            <translation>Raute</translation>
        </message>
        <message>
            <source>Cross</source>
            <translation>Kreuz</translation>
        </message>
        <message>
            <source>Star</source>
            <translation>Stern</translation>
        </message>
        <message>
            <source>Double-click a class to change its colour</source>
            <translation>Doppelklick auf eine Klasse ändert ihre Farbe</translation>
        </message>
        <message>
            <source>Edit labels and filters in place; double-click the colour to change it</source>
            <translation>Bezeichnungen und Filter direkt bearbeiten; Doppelklick auf die Farbe ändert sie</translation>
        </message>
        <message>
            <source>&amp;Add Rule</source>
            <translation>Regel &amp;hinzufügen</translation>
        </message>
        <message>
            <source>Remove R&amp;ule</source>
            <translation>Regel &amp;entfernen</translation>
        </message>
        <message>
            <source>&amp;Fill</source>
            <translation>&amp;Füllung</translation>
        </message>
        <message>
            <source>&amp;Outline</source>
            <translation>&amp;Rand</translation>
        </message>
        <message>
            <source>Symbology</source>
            <translation>Symbolisierung</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>&amp;Typ:</translation>
        </message>
        <message>
            <source>F&amp;ield:</source>
            <translation>F&amp;eld:</translation>
        </message>
        <message>
            <source>&amp;Method:</source>
            <translation>&amp;Methode:</translation>
        </message>
        <message>
            <source>&amp;Classes:</source>
            <translation>&amp;Klassen:</translation>
        </message>
        <message>
            <source>Colour &amp;ramp:</source>
            <translation>Farb&amp;verlauf:</translation>
        </message>
        <message>
            <source>Colours:</source>
            <translation>Farben:</translation>
        </message>
        <message>
            <source>Outline &amp;width:</source>
            <translation>Rand&amp;breite:</translation>
        </message>
        <message>
            <source>Mar&amp;ker:</source>
            <translation>Mar&amp;kierung:</translation>
        </message>
        <message>
            <source>Si&amp;ze:</source>
            <translation>&amp;Größe:</translation>
        </message>
        <message>
            <source>A field or an expression, e.g. "NAME" || ' (' || "BIR74" || ')'</source>
            <translation>Ein Feld oder ein Ausdruck, z. B. "NAME" || ' (' || "BIR74" || ')'</translation>
        </message>
        <message>
            <source> pt</source>
            <translation> pt</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <source>Around point</source>
            <translation>Um den Punkt</translation>
        </message>
        <message>
            <source>Over point</source>
            <translation>Über dem Punkt</translation>
        </message>
        <message>
            <source>Along line</source>
            <translation>Entlang der Linie</translation>
        </message>
        <message>
            <source>Inside polygon</source>
            <translation>Innerhalb des Polygons</translation>
        </message>
        <message>
            <source>Where labels would overlap, the higher priority wins</source>
            <translation>Wo sich Beschriftungen überlappen würden, gewinnt die höhere Priorität</translation>
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation>Te&amp;xt:</translation>
        </message>
        <message>
            <source>Font si&amp;ze:</source>
            <translation>Schrift&amp;größe:</translation>
        </message>
        <message>
            <source>Colo&amp;ur:</source>
            <translation>Fa&amp;rbe:</translation>
        </message>
        <message>
            <source>&amp;Halo:</source>
            <translation>&amp;Freistellung:</translation>
        </message>
        <message>
            <source>&amp;Placement:</source>
            <translation>&amp;Platzierung:</translation>
        </message>
        <message>
            <source>Pri&amp;ority:</source>
            <translation>Pri&amp;orität:</translation>
        </message>
        <message>
            <source>Renderer type</source>
            <translation>Art der Darstellung</translation>
        </message>
        <message>
            <source>Classification field</source>
            <translation>Klassifizierungsfeld</translation>
        </message>
        <message>
            <source>Classification method</source>
            <translation>Klassifizierungsmethode</translation>
        </message>
        <message>
            <source>Number of classes</source>
            <translation>Anzahl der Klassen</translation>
        </message>
        <message>
            <source>Colour ramp</source>
            <translation>Farbverlauf</translation>
        </message>
        <message>
            <source>Invert colour ramp</source>
            <translation>Farbverlauf umkehren</translation>
        </message>
        <message>
            <source>Fill colour</source>
            <translation>Füllfarbe</translation>
        </message>
        <message>
            <source>Outline colour</source>
            <translation>Randfarbe</translation>
        </message>
        <message>
            <source>Outline width</source>
            <translation>Randbreite</translation>
        </message>
        <message>
            <source>Marker shape</source>
            <translation>Form der Markierung</translation>
        </message>
        <message>
            <source>Marker size</source>
            <translation>Größe der Markierung</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>Klassen</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>Regeln</translation>
        </message>
        <message>
            <source>Show labels</source>
            <translation>Beschriftung anzeigen</translation>
        </message>
        <message>
            <source>Label text</source>
            <translation>Beschriftungstext</translation>
        </message>
        <message>
            <source>Label font size</source>
            <translation>Schriftgröße der Beschriftung</translation>
        </message>
        <message>
            <source>Label colour</source>
            <translation>Farbe der Beschriftung</translation>
        </message>
        <message>
            <source>Halo width</source>
            <translation>Breite der Freistellung</translation>
        </message>
        <message>
            <source>Halo colour</source>
            <translation>Farbe der Freistellung</translation>
        </message>
        <message>
            <source>Label placement</source>
            <translation>Platzierung der Beschriftung</translation>
        </message>
        <message>
            <source>Label priority</source>
            <translation>Priorität der Beschriftung</translation>
        </message>
        <message>
            <source>Rule Colour</source>
            <translation>Farbe der Regel</translation>
        </message>
        <message>
            <source>(no weight)</source>
            <translation>(ohne Gewichtung)</translation>
        </message>
        <message>
            <source>%1 (colour-blind safe)</source>
            <translation>%1 (farbenblindtauglich)</translation>
        </message>
        <message>
            <source>Radi&amp;us:</source>
            <translation>Radi&amp;us:</translation>
        </message>
        <message>
            <source>Max. si&amp;ze:</source>
            <translation>Max. &amp;Größe:</translation>
        </message>
        <message>
            <source>Select a vector layer in the layer list to style it.</source>
            <translation>Eine Vektorebene in der Ebenenliste wählen, um sie zu gestalten.</translation>
        </message>
        <message>
            <source>The layer is not loaded.</source>
            <translation>Die Ebene ist nicht geladen.</translation>
        </message>
        <message>
            <source>Choose a field.</source>
            <translation>Bitte ein Feld wählen.</translation>
        </message>
        <message>
            <source>Choose a numeric field.</source>
            <translation>Bitte ein numerisches Feld wählen.</translation>
        </message>
        <message>
            <source>All features</source>
            <translation>Alle Objekte</translation>
        </message>
        <message>
            <source>Class Colour</source>
            <translation>Farbe der Klasse</translation>
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
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Show time</source>
            <translation>Zeit anzeigen</translation>
        </message>
        <message>
            <source>Off: time-aware layers show all their data</source>
            <translation>Aus: zeitbezogene Ebenen zeigen alle ihre Daten</translation>
        </message>
        <message>
            <source>Previous step</source>
            <translation>Vorheriger Schritt</translation>
        </message>
        <message>
            <source>Play / pause</source>
            <translation>Abspielen / Pause</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Nächster Schritt</translation>
        </message>
        <message>
            <source>Time slider</source>
            <translation>Zeitregler</translation>
        </message>
        <message>
            <source>Current time</source>
            <translation>Aktuelle Zeit</translation>
        </message>
        <message>
            <source>Step between frames; each frame shows one step of data</source>
            <translation>Schritt zwischen den Bildern; jedes Bild zeigt die Daten eines Schritts</translation>
        </message>
        <message>
            <source>How the observations of a step become one value</source>
            <translation>Wie die Messwerte eines Schritts zu einem Wert werden</translation>
        </message>
        <message>
            <source> steps/s</source>
            <translation> Schritte/s</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <source>Step:</source>
            <translation>Schritt:</translation>
        </message>
        <message>
            <source>Aggregation:</source>
            <translation>Aggregation:</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Geschwindigkeit:</translation>
        </message>
        <message>
            <source>Layers whose features have a start and an end: shown only while active</source>
            <translation>Ebenen, deren Objekte einen Beginn und ein Ende haben: nur sichtbar, solange sie aktiv sind</translation>
        </message>
        <message>
            <source>no time-aware layer</source>
            <translation>keine zeitbezogene Ebene</translation>
        </message>
        <message>
            <source>all times</source>
            <translation>alle Zeiten</translation>
        </message>
        <message>
            <source>15 minutes</source>
            <translation>15 Minuten</translation>
        </message>
        <message>
            <source>1 hour</source>
            <translation>1 Stunde</translation>
        </message>
        <message>
            <source>3 hours</source>
            <translation>3 Stunden</translation>
        </message>
        <message>
            <source>6 hours</source>
            <translation>6 Stunden</translation>
        </message>
        <message>
            <source>1 day</source>
            <translation>1 Tag</translation>
        </message>
        <message>
            <source>1 week</source>
            <translation>1 Woche</translation>
        </message>
        <message>
            <source>1 month</source>
            <translation>1 Monat</translation>
        </message>
        <message>
            <source>3 months</source>
            <translation>3 Monate</translation>
        </message>
        <message>
            <source>1 year</source>
            <translation>1 Jahr</translation>
        </message>
        <message>
            <source>mean</source>
            <translation>Mittelwert</translation>
        </message>
        <message>
            <source>minimum</source>
            <translation>Minimum</translation>
        </message>
        <message>
            <source>maximum</source>
            <translation>Maximum</translation>
        </message>
        <message>
            <source>sum</source>
            <translation>Summe</translation>
        </message>
        <message>
            <source>count</source>
            <translation>Anzahl</translation>
        </message>
        <message>
            <source>last value</source>
            <translation>letzter Wert</translation>
        </message>
        <message>
            <source>first value</source>
            <translation>erster Wert</translation>
        </message>
        <message>
            <source>median</source>
            <translation>Median</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Kartenwerk desktop GIS</source>
            <translation>Kartenwerk Desktop-GIS</translation>
        </message>
        <message>
            <source>A project (*.kwproj) or data sources to open.</source>
            <translation>Ein Projekt (*.kwproj) oder zu öffnende Datenquellen.</translation>
        </message>
        <message>
            <source>Write a PNG of the window after the first render, then exit.</source>
            <translation>Nach dem ersten Zeichnen ein PNG des Fensters schreiben und beenden.</translation>
        </message>
        <message>
            <source>Interface language: de or en.</source>
            <translation>Sprache der Oberfläche: de oder en.</translation>
        </message>
        <message>
            <source>Kartenwerk opens one project at a time. Not opened: %1</source>
            <translation>Kartenwerk öffnet ein Projekt auf einmal. Nicht geöffnet: %1</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Projekt öffnen</translation>
        </message>
    </context>
</TS>
