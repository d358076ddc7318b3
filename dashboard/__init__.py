"""The Streamlit dashboard: database access, queries, formatting, charts, exports.

Pages in ``pages/`` stay thin: they read widgets, call functions from here, render.
"""
