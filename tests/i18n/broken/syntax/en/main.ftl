hello = Hello
this line is not a message
bye = Bye
