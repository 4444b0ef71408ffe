"""Patient-education site and leaflet generator: content model and renderers."""
