/** BrainDyn figures: spike rasters and traces to PNG and SVG. */
module org.braindyn.plot {
    requires transitive org.braindyn;
    requires org.knowm.xchart;
    requires java.desktop;

    exports org.braindyn.plot;
}
