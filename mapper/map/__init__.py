"""The map's building blocks: the page data, the files it loads, the offline background.

:mod:`mapper.render` assembles the page with folium from these.
"""
