from .bots import Bot
