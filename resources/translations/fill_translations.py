#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills kartenwerk_de.ts from the German glossary below and kartenwerk_en.ts with English plural forms.

Run after `cmake --build build --target update_translations` has added new source texts; texts missing
here stay unfinished (Qt then shows the English source) and are listed on stderr.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent

DE = {
    'Kartenwerk': 'Kartenwerk',
    '&Project': '&Projekt', 'Open &Recent': '&Zuletzt geöffnet', 'Recent &Data': 'Zuletzt verwendete &Daten',
    '&Edit': '&Bearbeiten', '&View': '&Ansicht', 'Pa&nels': '&Bedienfelder', '&Layer': '&Ebene',
    '&Selection': 'Au&swahl', '&Help': '&Hilfe', 'Project': 'Projekt', 'Map Navigation': 'Kartennavigation',
    'Map Tools': 'Kartenwerkzeuge', '&New Project': '&Neues Projekt', '&Open Project…': 'Projekt ö&ffnen…',
    '&Save Project': 'Projekt &speichern', 'Save Project &As…': 'Projekt speichern &unter…',
    '&Add Data…': 'Daten &hinzufügen…', '&Export Map Image…': 'Karte als Bild e&xportieren…',
    'Se&ttings…': '&Einstellungen…', '&Quit': '&Beenden', '&Pan': '&Verschieben',
    'Zoom to &Rectangle': 'Auf &Rechteck zoomen', '&Identify Features': 'Objekte &abfragen',
    'Measure &Distance': '&Strecke messen', 'Measure A&rea': '&Fläche messen',
    'Select by &Rectangle': 'Mit &Rechteck auswählen', 'Select by &Polygon': 'Mit &Polygon auswählen',
    'Select by &Expression…': 'Mit &Ausdruck auswählen…', '&Clear Selection': 'Auswahl &aufheben',
    'Zoom to &Selection': 'Auf &Auswahl zoomen', 'Zoom to &Full Extent': 'Auf &volle Ausdehnung zoomen',
    'Zoom to &Layer': 'Auf &Ebene zoomen', 'Zoom &In': 'Hine&inzoomen', 'Zoom &Out': 'Hera&uszoomen',
    '&Refresh': '&Aktualisieren', 'Map &CRS…': '&KBS der Karte…', 'Add &Group…': '&Gruppe hinzufügen…',
    '&Remove Layer': 'Ebene &entfernen', 'Re&name Layer': 'Ebene &umbenennen',
    'Change &Data Source…': '&Datenquelle ändern…', 'Open &Attribute Table': '&Attributtabelle öffnen',
    'Layer &Style': 'Ebenen&stil', '&About Kartenwerk': '&Über Kartenwerk', 'All features': 'Alle Objekte',
    'Settings': 'Einstellungen', '&Language:': '&Sprache:', 'Interface language': 'Sprache der Oberfläche',
    'A new language applies when Kartenwerk starts again.': 'Eine neue Sprache gilt ab dem nächsten Start von Kartenwerk.',
    '&Autosave unsaved changes to a recovery file': 'Ungesicherte Änderungen &automatisch in eine Wiederherstellungsdatei sichern',
    'Autosave': 'Automatisch sichern', 'true': 'wahr', 'false': 'falsch',
    'Filter expression, e.g. "NAME" LIKE \'W%\' — Enter applies': 'Filterausdruck, z. B. "NAME" LIKE \'W%\' – Eingabetaste wendet an',
    'Attribute filter expression': 'Filterausdruck für Attribute', 'Filter error': 'Filterfehler',
    'Attribute table layer': 'Ebene der Attributtabelle', 'Feature count': 'Anzahl der Objekte',
    'Zoom to Selection': 'Auf Auswahl zoomen', 'Zoom to selection': 'Auf Auswahl zoomen',
    'Clear Selection': 'Auswahl aufheben', 'Clear selection': 'Auswahl aufheben', 'Attribute table': 'Attributtabelle',
    '%1 of %2': '%1 von %2', 'Sorting…': 'Sortiere…', '&Zoom to Feature': 'Auf Objekt &zoomen',
    'No vector layer selected': 'Keine Vektorebene gewählt', 'Code': 'Code', 'Name': 'Name',
    'Area of use': 'Anwendungsbereich', 'Coordinate Reference System': 'Koordinatenbezugssystem',
    '&Search (EPSG code or name):': '&Suchen (EPSG-Code oder Name):',
    'e.g. 25832, UTM 32N, Gauss-Krüger, WGS 84': 'z. B. 25832, UTM 32N, Gauß-Krüger, WGS 84',
    'Search coordinate reference systems': 'Koordinatenbezugssysteme durchsuchen',
    'Coordinate reference systems': 'Koordinatenbezugssysteme',
    '%1 coordinate reference systems found.': '%1 Koordinatenbezugssysteme gefunden.',
    '<b>%1</b> %2<br>%3 — %4': '<b>%1</b> %2<br>%3 – %4', 'geographic (degrees)': 'geographisch (Grad)',
    'projected': 'projiziert', 'Identify results': 'Abfrageergebnisse',
    'Click on the map with the identify tool (Ctrl+Shift+I).': 'Mit dem Abfragewerkzeug (Strg+Umschalt+I) in die Karte klicken.',
    'Identify summary': 'Zusammenfassung der Abfrage', '&Select Feature': 'Objekt &auswählen',
    'Nothing found at %1, %2.': 'Bei %1, %2 nichts gefunden.', 'Feature %1': 'Objekt %1', 'ID %1': 'ID %1',
    'Feature': 'Objekt', 'Value': 'Wert', 'Legend entry %1': 'Legendeneintrag %1', 'Group %1': 'Gruppe %1',
    'This layer cannot be shown: %1': 'Diese Ebene kann nicht angezeigt werden: %1', 'Source: %1': 'Quelle: %1',
    'Loading…': 'Wird geladen…', '%1 features': '%1 Objekte', 'CRS: %1': 'KBS: %1',
    'Opacity: %1 %': 'Deckkraft: %1 %', 'Broken layer: %1': 'Defekte Ebene: %1', 'Layers': 'Ebenen',
    'Space toggles visibility, F2 renames, Delete removes.': 'Leertaste schaltet die Sichtbarkeit um, F2 benennt um, Entf entfernt.',
    'Layer opacity': 'Deckkraft der Ebene', 'Opacity of the current layer': 'Deckkraft der aktuellen Ebene',
    '&Opacity:': '&Deckkraft:', '%1 %': '%1 %', 'Add Group': 'Gruppe hinzufügen', 'Group name:': 'Name der Gruppe:',
    'Group': 'Gruppe', 'Add group %1': 'Gruppe %1 hinzufügen', 'Change Data Source of %1': 'Datenquelle von %1 ändern',
    'All files (*)': 'Alle Dateien (*)', '&Zoom to Layer': 'Auf Ebene &zoomen', '&Style…': '&Stil…',
    'Re&name': '&Umbenennen', '&Remove': '&Entfernen', 'Add &Data…': '&Daten hinzufügen…', 'Style': 'Stil',
    'Identify Results': 'Abfrageergebnisse', 'Attribute Table': 'Attributtabelle', '&Undo': '&Rückgängig',
    '&Redo': '&Wiederherstellen', 'About Kartenwerk': 'Über Kartenwerk',
    "<h3>Kartenwerk %1</h3><p>Desktop GIS for the city's geodata service.</p><p>Built on Qt %2, GDAL, PROJ and GEOS.</p>":
        '<h3>Kartenwerk %1</h3><p>Desktop-GIS für den Geodatendienst der Stadt.</p><p>Erstellt mit Qt %2, GDAL, PROJ und GEOS.</p>',
    'Untitled project': 'Unbenanntes Projekt', '%1[*] — Kartenwerk': '%1[*] – Kartenwerk', '&Clear List': 'Liste &leeren',
    'Cannot open project': 'Projekt kann nicht geöffnet werden', 'an unsaved project': 'einem ungespeicherten Projekt',
    'Restore Unsaved Work?': 'Ungesicherte Arbeit wiederherstellen?',
    'Kartenwerk was not closed properly. Unsaved changes to %1 from %2 were kept.\n\nRestore them?':
        'Kartenwerk wurde nicht ordnungsgemäß beendet. Ungesicherte Änderungen an %1 vom %2 wurden aufbewahrt.\n\nWiederherstellen?',
    'Cannot restore': 'Wiederherstellen nicht möglich', 'All supported formats (%1)': 'Alle unterstützten Formate (%1)',
    'Add Data': 'Daten hinzufügen', 'Unsaved Changes': 'Ungespeicherte Änderungen',
    'The project has unsaved changes. Save them?': 'Das Projekt hat ungespeicherte Änderungen. Speichern?',
    'Kartenwerk opens one project at a time. Not opened: %1': 'Kartenwerk öffnet ein Projekt auf einmal. Nicht geöffnet: %1',
    'Open Project': 'Projekt öffnen', 'Kartenwerk projects (*.kwproj);;All files (*)': 'Kartenwerk-Projekte (*.kwproj);;Alle Dateien (*)',
    'Cannot save project': 'Projekt kann nicht gespeichert werden', 'Saved %1': '%1 gespeichert',
    'Save Project As': 'Projekt speichern unter', 'Kartenwerk projects (*.kwproj)': 'Kartenwerk-Projekte (*.kwproj)',
    'Export Map': 'Karte exportieren', 'PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)': 'PNG-Bild (*.png);;PDF (*.pdf);;SVG (*.svg)',
    'Export failed': 'Export fehlgeschlagen', 'Exported %1': '%1 exportiert', 'Add a vector layer first.': 'Bitte zuerst eine Vektorebene hinzufügen.',
    'Restart Kartenwerk?': 'Kartenwerk neu starten?',
    'The new language applies after a restart. Restart now?': 'Die neue Sprache gilt nach einem Neustart. Jetzt neu starten?',
    'Map': 'Karte',
    'Drag or use the arrow keys to pan, the wheel or + and - to zoom, Shift+drag to zoom to a rectangle.':
        'Ziehen oder Pfeiltasten verschieben, Mausrad oder + und - zoomen, Umschalt+Ziehen zoomt auf ein Rechteck.',
    'Cursor coordinates': 'Koordinaten des Mauszeigers', 'Map coordinate reference system': 'Koordinatenbezugssystem der Karte',
    'Map coordinate reference system: click to change': 'Koordinatenbezugssystem der Karte: zum Ändern klicken',
    'Loading progress': 'Ladefortschritt', 'Scale': 'Maßstab', 'N': 'N', 'S': 'S', 'E': 'O', 'W': 'W',
    '%1  (%2° %3  %4° %5)': '%1  (%2° %3  %4° %5)',
    'Map coordinate reference system: %1 — click to change': 'Koordinatenbezugssystem der Karte: %1 – zum Ändern klicken',
    'Loading %1/%2': 'Lade %1/%2', '%1 m': '%1 m', '%1 km': '%1 km', '%1 m²': '%1 m²', '%1 ha': '%1 ha',
    '%1 (%2 m²)': '%1 (%2 m²)', '%1 (%2 km²)': '%1 (%2 km²)', 'Cannot measure in this CRS': 'In diesem KBS kann nicht gemessen werden',
    'Cannot add data': 'Daten können nicht hinzugefügt werden', 'Add %1': '%1 hinzufügen',
    '%1 cannot be shown: %2': '%1 kann nicht angezeigt werden: %2', 'Rule %1': 'Regel %1',
    'An expression, e.g. "BIR74" > 10000; ELSE for all other features': 'Ein Ausdruck, z. B. "BIR74" > 10000; ELSE für alle übrigen Objekte',
    'Label': 'Bezeichnung', 'Filter': 'Filter', 'Colour': 'Farbe', 'Map scale': 'Kartenmaßstab',
    'Map scale: choose or type, e.g. 1:5000': 'Kartenmaßstab: auswählen oder eingeben, z. B. 1:5000',
    'Select by Expression — %1': 'Mit Ausdruck auswählen – %1', 'Fields': 'Felder',
    'e.g. "BIR74" > 10000 AND "NAME" LIKE \'W%\'': 'z. B. "BIR74" > 10000 AND "NAME" LIKE \'W%\'',
    'Selection expression': 'Auswahlausdruck', 'Replace selection': 'Auswahl ersetzen', 'Add to selection': 'Zur Auswahl hinzufügen',
    'Remove from selection': 'Aus Auswahl entfernen', 'Selection mode': 'Auswahlmodus', '&Select': '&Auswählen',
    '&Expression:': '&Ausdruck:', '&Mode:': '&Modus:', '&Fields (double-click to insert):': '&Felder (Doppelklick fügt ein):',
    'Choose a loaded vector layer first.': 'Bitte zuerst eine geladene Vektorebene wählen.',
    'Nothing is selected.': 'Nichts ausgewählt.', 'No features selected.': 'Keine Objekte ausgewählt.',
    '%1 – %2': '%1 – %2', 'System language': 'Systemsprache', 'In&vert': '&Umkehren',
    'Labels': 'Beschriftung', 'Show &labels': '&Beschriftung anzeigen', 'Single symbol': 'Einzelsymbol',
    'Categorized': 'Kategorisiert', 'Graduated': 'Abgestuft', 'Proportional symbols': 'Proportionale Symbole',
    'Heatmap': 'Heatmap', 'Rule-based': 'Regelbasiert', 'Equal interval': 'Gleiche Intervalle',
    'Quantile (equal count)': 'Quantile (gleiche Anzahl)', 'Natural breaks (Jenks)': 'Natürliche Unterbrechungen (Jenks)',
    'Pretty breaks': 'Runde Klassengrenzen', 'Standard deviation': 'Standardabweichung', ' mm': ' mm',
    'Circle': 'Kreis', 'Square': 'Quadrat', 'Triangle': 'Dreieck', 'Diamond': 'Raute', 'Cross': 'Kreuz', 'Star': 'Stern',
    'Double-click a class to change its colour': 'Doppelklick auf eine Klasse ändert ihre Farbe',
    'Edit labels and filters in place; double-click the colour to change it': 'Bezeichnungen und Filter direkt bearbeiten; Doppelklick auf die Farbe ändert sie',
    '&Add Rule': 'Regel &hinzufügen', 'Remove R&ule': 'Regel &entfernen', '&Fill': '&Füllung', '&Outline': '&Rand',
    'Symbology': 'Symbolisierung', '&Type:': '&Typ:', 'F&ield:': 'F&eld:', '&Method:': '&Methode:',
    '&Classes:': '&Klassen:', 'Colour &ramp:': 'Farb&verlauf:', 'Colours:': 'Farben:', 'Outline &width:': 'Rand&breite:',
    'Mar&ker:': 'Mar&kierung:', 'Si&ze:': '&Größe:',
    'A field or an expression, e.g. "NAME" || \' (\' || "BIR74" || \')\'': 'Ein Feld oder ein Ausdruck, z. B. "NAME" || \' (\' || "BIR74" || \')\'',
    ' pt': ' pt', 'Automatic': 'Automatisch', 'Around point': 'Um den Punkt', 'Over point': 'Über dem Punkt',
    'Along line': 'Entlang der Linie', 'Inside polygon': 'Innerhalb des Polygons',
    'Where labels would overlap, the higher priority wins': 'Wo sich Beschriftungen überlappen würden, gewinnt die höhere Priorität',
    'Te&xt:': 'Te&xt:', 'Font si&ze:': 'Schrift&größe:', 'Colo&ur:': 'Fa&rbe:', '&Halo:': '&Freistellung:',
    '&Placement:': '&Platzierung:', 'Pri&ority:': 'Pri&orität:', 'Renderer type': 'Art der Darstellung',
    'Classification field': 'Klassifizierungsfeld', 'Classification method': 'Klassifizierungsmethode',
    'Number of classes': 'Anzahl der Klassen', 'Colour ramp': 'Farbverlauf', 'Invert colour ramp': 'Farbverlauf umkehren',
    'Fill colour': 'Füllfarbe', 'Outline colour': 'Randfarbe', 'Outline width': 'Randbreite', 'Marker shape': 'Form der Markierung',
    'Marker size': 'Größe der Markierung', 'Classes': 'Klassen', 'Rules': 'Regeln', 'Show labels': 'Beschriftung anzeigen',
    'Label text': 'Beschriftungstext', 'Label font size': 'Schriftgröße der Beschriftung', 'Label colour': 'Farbe der Beschriftung',
    'Halo width': 'Breite der Freistellung', 'Halo colour': 'Farbe der Freistellung', 'Label placement': 'Platzierung der Beschriftung',
    'Label priority': 'Priorität der Beschriftung', 'Rule Colour': 'Farbe der Regel', '(no weight)': '(ohne Gewichtung)',
    '%1 (colour-blind safe)': '%1 (farbenblindtauglich)', 'Radi&us:': 'Radi&us:', 'Max. si&ze:': 'Max. &Größe:',
    'Select a vector layer in the layer list to style it.': 'Eine Vektorebene in der Ebenenliste wählen, um sie zu gestalten.',
    'The layer is not loaded.': 'Die Ebene ist nicht geladen.', 'Choose a field.': 'Bitte ein Feld wählen.',
    'Choose a numeric field.': 'Bitte ein numerisches Feld wählen.', 'Class Colour': 'Farbe der Klasse',
    'Kartenwerk desktop GIS': 'Kartenwerk Desktop-GIS',
    'A project (*.kwproj) or data sources to open.': 'Ein Projekt (*.kwproj) oder zu öffnende Datenquellen.',
    'Write a PNG of the window after the first render, then exit.': 'Nach dem ersten Zeichnen ein PNG des Fensters schreiben und beenden.',
    'Interface language: de or en.': 'Sprache der Oberfläche: de oder en.',
    'no data': 'keine Daten', 'raster': 'Raster', 'Pixel': 'Pixel',
    'Selected Only': 'Nur Auswahl', 'Show selected features only': 'Nur ausgewählte Objekte anzeigen',
    'List only the selected features': 'Nur die ausgewählten Objekte auflisten',
    '<project opened>': '<Projekt geöffnet>', 'Undo history': 'Verlauf der Bearbeitungsschritte', 'History': 'Verlauf',
    # undo commands (Bearbeiten ▸ Rückgängig: …)
    'Remove %1': '%1 entfernen', 'Remove %1 layers': '%1 Ebenen entfernen', 'Move %1': '%1 verschieben',
    'Move %1 layers': '%1 Ebenen verschieben', 'Rename %1 to %2': '%1 in %2 umbenennen', 'Show %1': '%1 einblenden',
    'Hide %1': '%1 ausblenden', 'Change opacity of %1': 'Deckkraft von %1 ändern', 'Change style of %1': 'Stil von %1 ändern',
    'Change labels of %1': 'Beschriftung von %1 ändern', 'Change data source of %1': 'Datenquelle von %1 ändern',
    'Change map CRS to %1': 'KBS der Karte auf %1 ändern',
    # layout designer
    'Layout Designer': 'Layout-Designer', 'Layout Designer – %1': 'Layout-Designer – %1',
    'Open a project (File ▸ Open Project…)': 'Ein Projekt öffnen (Datei ▸ Projekt öffnen…)',
    '&File': '&Datei', '&New Layout from Template': '&Neues Layout aus Vorlage', 'Print Pre&view…': 'Druck&vorschau…',
    '&Export…': '&Exportieren…', '&Presentation Mode': '&Präsentationsmodus', '&Close': '&Schließen',
    '&Add Item': 'Element &hinzufügen', 'Add item': 'Element hinzufügen', 'Delete item': 'Element löschen',
    'New text': 'Neuer Text', 'Resize %1': 'Größe von %1 ändern', 'Layout': 'Layout', 'Legend': 'Legende',
    'Scale Bar': 'Maßstabsleiste', 'North Arrow': 'Nordpfeil', 'Text': 'Text', 'Picture': 'Bild', 'Table': 'Tabelle',
    'Chart': 'Diagramm', 'Sources': 'Quellen', 'Shape': 'Form', '&Delete': '&Löschen', '&Align': '&Ausrichten',
    'Left Edges': 'Linke Kanten', 'Right Edges': 'Rechte Kanten', 'Top Edges': 'Obere Kanten',
    'Bottom Edges': 'Untere Kanten', 'Horizontal Centres': 'Waagrechte Mitten', 'Vertical Centres': 'Senkrechte Mitten',
    'Zoom to &Pages': 'Auf &Seiten zoomen', 'Some layers could not be loaded': 'Einige Ebenen konnten nicht geladen werden',
    'Item Properties': 'Elementeigenschaften', 'Cannot save': 'Speichern nicht möglich', 'Align items': 'Elemente ausrichten',
    'Align %1': '%1 ausrichten', 'Print Preview – %1': 'Druckvorschau – %1', 'Presentation – %1': 'Präsentation – %1',
    'Print &Layouts…': 'Druck&layouts…', 'X': 'X', 'Y': 'Y', 'Width': 'Breite', 'Height': 'Höhe', 'Rotation': 'Drehung',
    'Text with [% expression %] placeholders': 'Text mit Platzhaltern [% Ausdruck %]',
    'All properties (JSON):': 'Alle Eigenschaften (JSON):', 'Apply JSON': 'JSON übernehmen',
    'No item selected': 'Kein Element ausgewählt', 'Edit %1': '%1 bearbeiten', 'Not valid JSON: %1': 'Kein gültiges JSON: %1',
    # layout export
    'Export Layout “%1”': 'Layout „%1“ exportieren', 'Export Layout': 'Layout exportieren', 'Export': 'Exportieren',
    'PDF (vector)': 'PDF (Vektor)', 'SVG (vector)': 'SVG (Vektor)', 'PNG image': 'PNG-Bild', 'JPEG image': 'JPEG-Bild',
    'TIFF image': 'TIFF-Bild', 'Browse…': 'Durchsuchen…', 'Format': 'Format', 'File': 'Datei', 'Frame': 'Rahmen', ' dpi': ' dpi', 'Resolution': 'Auflösung',
    'World file (and GeoTIFF) from the map': 'World-Datei (und GeoTIFF) aus der Karte',
    'Atlas: one page per feature ({name} in the file name: one file each)':
        'Atlas: eine Seite je Objekt ({name} im Dateinamen: je eine Datei)',
    'page %1 (%2): %3': 'Seite %1 (%2): %3', '• rasterised: %1': '• gerastert: %1', 'Exported': 'Exportiert',
    # time series chart and time controller
    'Time series': 'Zeitreihe', 'Sensor layer': 'Sensorebene', 'Sites': 'Messstellen', 'Export…': 'Exportieren…',
    'Save the chart as PNG or SVG': 'Diagramm als PNG oder SVG speichern', 'Export Chart': 'Diagramm exportieren',
    'PNG image (*.png);;SVG (*.svg)': 'PNG-Bild (*.png);;SVG (*.svg)', '%1: %2 – %3': '%1: %2 – %3',
    'Time': 'Zeit', 'Show time': 'Zeit anzeigen', 'Off: time-aware layers show all their data':
        'Aus: zeitbezogene Ebenen zeigen alle ihre Daten', 'Previous step': 'Vorheriger Schritt',
    'Play / pause': 'Abspielen / Pause', 'Next step': 'Nächster Schritt', 'Time slider': 'Zeitregler',
    'Current time': 'Aktuelle Zeit', 'Step between frames; each frame shows one step of data':
        'Schritt zwischen den Bildern; jedes Bild zeigt die Daten eines Schritts',
    'How the observations of a step become one value': 'Wie die Messwerte eines Schritts zu einem Wert werden',
    ' steps/s': ' Schritte/s', 'Loop': 'Wiederholen', 'Step:': 'Schritt:', 'Aggregation:': 'Aggregation:',
    'Speed:': 'Geschwindigkeit:', 'Layers whose features have a start and an end: shown only while active':
        'Ebenen, deren Objekte einen Beginn und ein Ende haben: nur sichtbar, solange sie aktiv sind',
    'no time-aware layer': 'keine zeitbezogene Ebene', 'all times': 'alle Zeiten',
    '15 minutes': '15 Minuten', '1 hour': '1 Stunde', '3 hours': '3 Stunden', '6 hours': '6 Stunden', '1 day': '1 Tag',
    '1 week': '1 Woche', '1 month': '1 Monat', '3 months': '3 Monate', '1 year': '1 Jahr', 'mean': 'Mittelwert',
    'minimum': 'Minimum', 'maximum': 'Maximum', 'sum': 'Summe', 'count': 'Anzahl', 'last value': 'letzter Wert',
    'first value': 'erster Wert', 'median': 'Median',
}

# Plural forms: German and English both have two ("one", "other").
PLURALS = {
    '%n feature(s) found.': (['%n Objekt gefunden.', '%n Objekte gefunden.'], ['%n feature found.', '%n features found.']),
    '%n feature(s)': (['%n Objekt', '%n Objekte'], ['%n feature', '%n features']),
    'Opening %n source(s)…': (['Öffne %n Datenquelle…', 'Öffne %n Datenquellen…'], ['Opening %n source…', 'Opening %n sources…']),
    '%Ln feature(s) selected.': (['%Ln Objekt ausgewählt.', '%Ln Objekte ausgewählt.'], ['%Ln feature selected.', '%Ln features selected.']),
    'Add %n layer(s)': (['%n Ebene hinzufügen', '%n Ebenen hinzufügen'], ['Add %n layer', 'Add %n layers']),
    'Layout “%1”: %n item(s)': (['Layout „%1“: %n Element', 'Layout „%1“: %n Elemente'],
                                ['Layout “%1”: %n item', 'Layout “%1”: %n items']),
    'Delete %n item(s)': (['%n Element löschen', '%n Elemente löschen'], ['Delete %n item', 'Delete %n items']),
    'Wrote %n file(s).': (['%n Datei geschrieben.', '%n Dateien geschrieben.'], ['Wrote %n file.', 'Wrote %n files.']),
}


def fill(path, language):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        source = message.find('source').text or ''
        translation = message.find('translation')
        if message.get('numerus') == 'yes':
            forms = PLURALS.get(source)
            if not forms:
                missing.append(source)
                continue
            for child in list(translation):
                translation.remove(child)
            for text in forms[0 if language == 'de' else 1]:
                ET.SubElement(translation, 'numerusform').text = text
            translation.attrib.pop('type', None)
            continue
        if language == 'en':
            # English is the source language: each text is its own translation (so the file is complete).
            translation.text = source
            translation.attrib.pop('type', None)
            continue
        text = DE.get(source)
        # Key sequences stay as they are: Qt shows them in the user's language itself.
        if text is None and re.fullmatch(r'((Ctrl|Shift|Alt|Meta)\+)+.+|F\d{1,2}', source):
            text = source
        if text is None:
            missing.append(source)
            continue
        translation.text = text
        translation.attrib.pop('type', None)
    ET.indent(tree, space='    ')
    with open(path, 'wb') as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding='utf-8', xml_declaration=False)
        f.write(b'\n')
    for m in missing:
        print(f'{path.name}: no translation for {m!r}', file=sys.stderr)
    return not missing


ok = fill(HERE / 'kartenwerk_de.ts', 'de')
ok = fill(HERE / 'kartenwerk_en.ts', 'en') and ok
sys.exit(0 if ok else 1)
