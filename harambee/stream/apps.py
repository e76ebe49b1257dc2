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
        from harambee.core.editor import register_suggestions

        register_suggestions("stream:suggest")
        register_page_cache_app(self.label)
        register_kind(
            ContentKind("stream_post", _("Stream post"), "stream:post", render=views.render_post)
        )
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(
            NavEntry("conversations", _("Stream"), "stream:stream", paths=("/tags/",), order=60)
        )
        register_entry(
            NavEntry(
                "conversations",
                _("Your timeline"),
                "stream:timeline",
                order=70,
                show=lambda request: request.user.is_authenticated,
            )
        )
        register_entry(
            NavEntry(
                "account",
                _("Bookmarks"),
                "stream:bookmarks",
                order=30,
                show=lambda request: request.user.is_authenticated,
            )
        )
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_tab(SpaceTab("stream", _("Stream"), "stream:space", order=70))
