### Birthday countdown, English (en-US and en-CA; en-GB, en-AU and en-IN override the date order).
### Numbers reach these messages as digits; Alexa reads them in the user's language.
### Every message that leaves the session open ends with a question that says what to answer.

welcome = Hello! I count the days until your birthday. When were you born?
welcome-reprompt = Tell me the month, the day and the year, for example: November sixth, nineteen ninety. When were you born?
welcome-back = Welcome back!
help = I remember your birthday and count the days until it. To tell me your birthday, or to change it, say the date, for example: my birthday is November sixth, nineteen ninety. When is your birthday?
help-reprompt = Tell me the month, the day and the year. When is your birthday?
# $month (Number) 1 to 12.
month-name = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# $month (Number) 1 to 12, $day (Number) 1 to 31, $year (Number) four digits.
birthday-date = { month-name } { $day }, { $year }
birthday-saved = Thanks! I'll remember that you were born on { birthday-date }.
# $days (Number) 1 to 366 until the next birthday, $age (Number) the age on that day.
countdown = { $days ->
    [1] Your birthday is tomorrow! You'll be { $age }.
   *[other] Your birthday is in { $days } days. You'll be { $age }.
}
# $age (Number) the age reached today.
happy-birthday = Happy birthday! You're { $age } today.
leap-day-note = This year has no February twenty-ninth, so I count to February twenty-eighth.
invalid-date = Hmm, I can't count to { birthday-date }. Tell me the month, the day and the year. When were you born?
goodbye = Goodbye! I'll keep counting for you.
cancelled = Okay, never mind. Talk to you soon!
fallback = Sorry, I can't help with that. I count the days until your birthday. You can tell me your birthday, or say stop. What would you like to do?
fallback-reprompt = You can tell me your birthday, or say stop. What would you like to do?
