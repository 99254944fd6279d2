# only a creator line
Creator "someone"
