"""The only code that talks to MkDocs: the plugin, the nav, search, the feed, the build."""
