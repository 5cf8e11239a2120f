"""The HTTP surface: settings, schemas, dependencies and routers around the domain core."""
