from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StreamConfig(AppConfig):
    name = "harambee.stream"
    label = "stream"
    verbose_name = _("Stream")

    def ready(self) -> None:
        from harambee.core.markdown import register_linker
        from harambee.core.registry import ContentKind, register_kind, register_page_cache_app
        from harambee.stream import signals, views
        from harambee.stream.selectors import link_hashtags, link_mentions

        signals.connect()
        register_linker("hashtag", link_hashtags)
        register_linker("mention", link_mentions)
        register_page_cache_app(self.label)
        register_kind(
            ContentKind("stream_post", _("Stream post"), "stream:post", render=views.render_post)
        )
