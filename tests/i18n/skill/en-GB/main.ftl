# British English: only what differs.
colour = What's your favourite colour?
