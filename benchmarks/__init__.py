"""Benchmarks of the site build, the leaflets, the preview and the pages' weight (`make bench`)."""
