import os
os.environ['QT_QPA_PLATFORM']='offscreen'
from qgis.core import *
def main():
    app = QgsApplication([], False); app.initQgis()
    lyr = QgsVectorLayer('/work/shared/data/counties/nc.gpkg', 'nc', 'ogr')
    ranges=[]
    breaks=[248,2356,5094,9014,16184,21588]
    cols=['#ffffb2','#fecc5c','#fd8d3c','#f03b20','#bd0026']
    from qgis.PyQt.QtGui import QColor
    for i in range(5):
        s=QgsFillSymbol.createSimple({'color':cols[i],'outline_color':'#646464','outline_width':'0.2'})
        ranges.append(QgsRendererRange(breaks[i],breaks[i+1],s,'%d - %d'%(breaks[i],breaks[i+1])))
    r=QgsGraduatedSymbolRenderer('BIR74',ranges)
    lyr.setRenderer(r)
    ls=QgsPalLayerSettings(); ls.fieldName='NAME'; ls.enabled=True
    tf=QgsTextFormat(); tf.setSize(8); tf.setColor(QColor('#202020')); b=QgsTextBufferSettings(); b.setEnabled(True); b.setSize(0.7); b.setColor(QColor('white')); tf.setBuffer(b); ls.setFormat(tf)
    lyr.setLabeling(QgsVectorLayerSimpleLabeling(ls)); lyr.setLabelsEnabled(True)
    print(lyr.saveSldStyle('/tmp/sldq/qgis_graduated_nc.sld'))
    cats=[]
    for v,c in [('primary','#d7301f'),('secondary','#fc8d59'),('residential','#404040')]:
        cats.append(QgsRendererCategory(v,QgsLineSymbol.createSimple({'line_color':c,'line_width':'0.5'}),v))
    l2=QgsVectorLayer('/work/shared/data/osm/liechtenstein-2013-08-03.osm.pbf|layername=lines','lines','ogr')
    l2.setRenderer(QgsCategorizedSymbolRenderer('highway',cats))
    print(l2.saveSldStyle('/tmp/sldq/qgis_categorized_roads.sld'))
    del lyr, l2
    app.exitQgis()
main()
