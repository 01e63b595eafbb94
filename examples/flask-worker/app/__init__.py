"""The Flask application (`flask --app app run`); its tasks run in a Celery worker."""
from flask import Flask

app = Flask(__name__)
