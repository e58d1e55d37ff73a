### Birthday countdown: the day comes before the month here.

welcome-reprompt = Tell me the day, the month and the year, for example: the sixth of November, nineteen ninety. When were you born?
help = I remember your birthday and count the days until it. To tell me your birthday, or to change it, say the date, for example: my birthday is the sixth of November, nineteen ninety. When is your birthday?
help-reprompt = Tell me the day, the month and the year. When is your birthday?
birthday-date = { $day } { month-name } { $year }
invalid-date = Hmm, I can't count to { birthday-date }. Tell me the day, the month and the year. When were you born?
