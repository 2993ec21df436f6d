"""Comments remember the client's idempotency key, so a retried post is stored once.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("comments", sa.Column("idempotency_key", sa.String(100)))
    op.create_index("ux_comments_idempotency_key", "comments", ["idempotency_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_comments_idempotency_key", table_name="comments")
    with op.batch_alter_table("comments") as batch:
        batch.drop_column("idempotency_key")
