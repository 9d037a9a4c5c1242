from .transform import EmojiReplacer


def setup(app):
    app.add_config_value("emoji_style", "native", "html")
    app.add_transform(EmojiReplacer)
    return {"parallel_read_safe": True}
