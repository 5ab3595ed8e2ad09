"""Telling the agent: in-app notifications (the bell), made from named events and reminders."""
