"""Documents of the calls for projects (filled in once aap_invisibles models exist)."""
