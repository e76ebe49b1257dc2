# Name moderation actions in the audit log (#6).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0009_audit_thread_actions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditentry',
            name='action',
            field=models.CharField(choices=[('member_joined', 'joined'), ('member_left', 'left'), ('member_removed', 'removed a member'), ('role_changed', 'changed a role'), ('request_made', 'asked to join'), ('request_approved', 'approved a join request'), ('request_declined', 'declined a join request'), ('invitation_sent', 'sent an invitation'), ('invitation_accepted', 'accepted an invitation'), ('visibility_changed', 'changed who can see'), ('space_created', 'created a space'), ('space_changed', "changed a space's settings"), ('alliance_role_changed', 'changed an alliance role'), ('thread_pinned', 'pinned a thread'), ('thread_unpinned', 'unpinned a thread'), ('thread_locked', 'locked a thread'), ('thread_unlocked', 'unlocked a thread'), ('thread_answered', 'marked a question answered'), ('thread_summarised', 'summarised a thread'), ('thread_guest_ended', "ended an outside voice's access"), ('flag_raised', 'flagged an item or comment'), ('flags_dismissed', 'dismissed flags'), ('content_hidden', 'hid an item'), ('content_restored', 'restored a hidden item'), ('comment_hidden', 'hid a comment'), ('comment_restored', 'restored a hidden comment'), ('thread_moved', 'moved a thread'), ('member_suspended', 'suspended an account'), ('suspension_lifted', 'lifted a suspension')], max_length=30, verbose_name='action'),
        ),
    ]
