"""The live monitoring dashboard served by the worker's web server."""
