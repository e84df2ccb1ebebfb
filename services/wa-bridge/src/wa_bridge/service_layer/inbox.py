"""The unlinked-messages inbox: staff attach an inbound message to a ticket (it then reaches the
ticket's feed through ``intake.comment_received``), optionally linking the whole chat."""
from __future__ import annotations

from sqlalchemy.orm import Session

from fibreflow_shared.ids import normalise_uid
from wa_bridge.adapters.orm import ChatRow, ContactRow, MessageRow
from wa_bridge.domain.errors import AlreadyAttached, MessageNotFound, TicketNotFound
from wa_bridge.service_layer import chats, inbound
from wa_bridge.service_layer.deps import Deps


def attach(session: Session, deps: Deps, message_id: str, ticket_uid: str, *, link_chat: bool) -> MessageRow:
    message = session.get(MessageRow, message_id, with_for_update=True)
    if message is None or message.direction != "in":
        raise MessageNotFound()
    uid = normalise_uid(ticket_uid)
    if message.ticket_uid == uid:
        return message  # attaching twice changes nothing
    if message.ticket_uid is not None:
        raise AlreadyAttached()
    if inbound.known_ticket(session, uid) is None:
        raise TicketNotFound(uid)
    chats.link_message(session, message, uid, "manual")
    if link_chat:
        chat = session.get(ChatRow, message.chat_id)
        if chat is not None:
            chat.ticket_uid = uid
    contact = session.get(ContactRow, message.contact_id) if message.contact_id else None
    inbound.publish_comment(session, deps, message, contact)
    return message
