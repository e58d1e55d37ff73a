# alexa-kit's built-in messages (English, also used for every English region).
# A skill overrides any of them by defining the same id in its own files.

welcome = Welcome! You can say help to hear what I can do. What would you like to do?
welcome-reprompt = What would you like to do? If you're not sure, say help.
help = Just tell me what you'd like to do, and I'll do my best. To leave, say stop. What would you like to do?
help-reprompt = What would you like to do? To leave, say stop.
goodbye = Goodbye!
fallback = Sorry, I didn't catch that. Say help to hear what I can do, or tell me what you'd like to do.
fallback-reprompt = What would you like to do? You can also say help.
error = Sorry, something went wrong. Please try again.
navigate-home = Okay, see you next time!
permission-consent = I need your permission for that. I've sent a card to your Alexa app where you can grant it.
