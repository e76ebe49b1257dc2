from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StreamConfig(AppConfig):
    name = "harambee.stream"
    label = "stream"
    verbose_name = _("Stream")

    def ready(self) -> None:
        from harambee.core.markdown import register_linker
        from harambee.stream import signals
        from harambee.stream.selectors import link_hashtags, link_mentions

        signals.connect()
        register_linker("hashtag", link_hashtags)
        register_linker("mention", link_mentions)
