"""Streamlit pages. Only this package and app.py import Streamlit."""
