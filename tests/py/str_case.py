# upper/lower/swapcase/title/capitalize (ASCII mapping) and the is*() tests
s = 'hello World 42x'
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
print("they're bill's 1st".title(), 'ABC def'.capitalize(), ''.title(), 'x'.capitalize())
print('mIxEd'.swapcase(), '_a_b'.title(), 'a1b2'.title(), '  lead'.capitalize())
print('ÀéÜ'.upper() == 'ÀéÜ', 'àé'.lower() == 'àé', 'éa'.upper() == 'éA')
print('123'.isdigit(), '12a'.isdigit(), ''.isdigit(), '²'.isdigit())
print('abc'.isalpha(), 'ab1'.isalpha(), ''.isalpha(), 'é'.isalpha())
print(' \t\n'.isspace(), ' a'.isspace(), ''.isspace(), '\x0b\x0c\r'.isspace())
print('ab12'.isalnum(), 'ab 12'.isalnum(), ''.isalnum(), 'Z9'.isalnum())
print('ABC'.isupper(), 'AB1'.isupper(), 'AbC'.isupper(), '12'.isupper(), ''.isupper())
print('abc'.islower(), 'ab1'.islower(), 'aBc'.islower(), '12'.islower(), ''.islower())
for t in ('upper', 'lower', 'title', 'isdigit'):
    print(t, getattr('Mix 9', t)())
print(str.upper('abc'), str.isdigit('7'))
