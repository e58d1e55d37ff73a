### 誕生日カウントダウン、日本語 (ja-JP)、です・ます調。
### 数字は算用数字で届き、Alexa が日本語で読み上げます。

welcome = こんにちは！お誕生日までの日数を数えます。お誕生日はいつですか？
welcome-reprompt = たとえば「1990年11月6日」のように、年と月と日を教えてください。お誕生日はいつですか？
welcome-back = おかえりなさい！
help = お誕生日を覚えて、その日までの日数を数えます。お誕生日を伝えたり変えたりするときは、「誕生日は1990年11月6日」のように言ってください。お誕生日はいつですか？
help-reprompt = 年と月と日を教えてください。お誕生日はいつですか？
# $month (Number) 1 から 12。
month-name = { $month }月
# $month (Number), $day (Number), $year (Number)。
birthday-date = { $year }年{ month-name }{ $day }日
birthday-saved = ありがとうございます。お誕生日は{ birthday-date }ですね。覚えておきます。
# $days (Number) 次のお誕生日までの日数、$age (Number) その日の年齢。
countdown = { $days ->
    [1] お誕生日は明日です！
   *[other] お誕生日まで、あと{ $days }日です。
}{ $age }歳になりますね。
happy-birthday = お誕生日おめでとうございます！今日で{ $age }歳ですね。
leap-day-note = 今年は2月29日がないので、2月28日まで数えます。
invalid-date = すみません、{ birthday-date }までは数えられません。年と月と日を教えてください。お誕生日はいつですか？
goodbye = ご利用ありがとうございました。お誕生日まで、引き続き数えておきますね。
cancelled = わかりました。またいつでもどうぞ。
fallback = すみません、それはお手伝いできません。このスキルは、お誕生日までの日数を数えます。お誕生日を言うか、「終了」と言ってください。どうしますか？
fallback-reprompt = お誕生日を言うか、「終了」と言ってください。どうしますか？
