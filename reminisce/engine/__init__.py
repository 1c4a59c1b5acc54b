"""The reminiscence engine: pure functions from a life story and candidate tracks
to ranked suggestions with reasons. No Streamlit, no database, no clock."""
