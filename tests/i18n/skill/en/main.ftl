# A small test skill: English, all regions.

# Overrides the framework's own welcome.
welcome = Welcome to Fruit Facts! You can ask for a fruit fact, or say help.
fact = { $fruit } has { $calories } calories per hundred grams.
basket = { $count ->
    [one] You have one apple, { $name }.
   *[other] You have { $count } apples, { $name }.
}
colour = What's your favorite color?
greeting = Hello, { $name }!
# Trusted author markup: SSML stays SSML.
countdown = Ready? <break time="1s"/> Go!
weight = That weighs { $kg } kilograms.
card = Fruit Facts
    .title = Today's fruit
