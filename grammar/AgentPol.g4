// AgentPol.g4 — the grammar of .agentpol policy files (spec sections 2-7).
// The C++ lexer and parser are generated from this file at build time by the
// antlr4 tool; compiler/parse/ turns the parse tree into the AST
// (compiler/ast/), so no other stage ever sees ANTLR types.
grammar AgentPol;

// ---------------------------------------------------------------- files

file : decl* EOF ;

// Annotations are accepted before any declaration so that misplacing one gets
// a semantic diagnostic rather than a syntax error.
decl : annotation* declBody ;

declBody
  : namespaceDecl
  | importDecl
  | enumDecl
  | recordDecl
  | entityDecl
  | actionDecl
  | contextDecl
  | agentDecl
  | defDecl
  | ruleDecl
  | assertDecl
  ;

annotation : '@' ID '(' STRING ')' ;

namespaceDecl : 'namespace' qualifiedName ';' ;
importDecl    : 'import' qualifiedName ';' ;
qualifiedName : ID ('.' ID)* ;

enumDecl   : 'enum' ID '{' (ID (',' ID)* ','?)? '}' ';'? ;
recordDecl : 'record' ID '{' fieldList? '}' ';'? ;
entityDecl : 'entity' ID '{' fieldList? '}' ';'? ;
fieldList  : field (',' field)* ','? ;
field      : ID optional='?'? ':' type ;

// `Money<EUR>`, `Set<String>`, `Set<Money<USD>>`: the argument is checked by sema.
type : ID ('<' type '>')? ;

actionDecl : 'action' ID ('(' paramList? ')')? ('{' fieldList? '}')? ';'? ;
paramList  : param (',' param)* ','? ;
// `?` is accepted here so that an optional parameter gets a semantic
// diagnostic rather than a syntax error (parameters are never optional).
param      : ID optional='?'? ':' type ;

contextDecl : 'context' '{' fieldList? '}' ';'? ;

agentDecl : 'agent' agentName '{' (agentProp (',' agentProp)* ','?)? '}' ';'? ;
agentProp : ID ':' expr ;

defDecl : 'def' ID '(' paramList? ')' ':' type '=' expr ';' ;

ruleDecl
  : effect subject 'to' actionSet
    ('when' whenExpr=expr)?
    ('unless' unlessExpr=expr)?
    ';'
  ;
effect    : 'permit' | 'forbid' | 'escalate' ;
subject   : 'agent' agentSet   # agentSubject
          | 'user'             # userSubject
          ;
agentSet  : '*'                                              # anyAgent
          | agentName                                        # oneAgent
          | '[' (agentName (',' agentName)* ','?)? ']'       # agentList
          ;
// An agent's identity: an identifier or a quoted string (`"billing-assist-07"`);
// sema checks a quoted one (1 to 256 bytes, no control characters).
agentName : ID | STRING ;
actionSet : '*'                              # anyAction
          | ID                               # oneAction
          | '[' (ID (',' ID)* ','?)? ']'     # actionList
          ;

assertDecl : 'assert' ID ':' ('for' actionSet ':')? expr ';' ;

// ---------------------------------------------------------------- expressions
// Alternatives are listed tightest first (ANTLR gives earlier alternatives of
// a left-recursive rule higher precedence). Prefix forms (`!`, unary `-`,
// `if`) may start any operand. Chained comparisons parse but are rejected by
// the AST builder.

expr
  : primary                                                  # primaryExpr
  | expr '.' ID '(' argList? ')'                             # methodCallExpr
  | expr '.' ID                                              # attrExpr
  | '-' expr                                                 # negateExpr
  | expr '*' expr                                            # mulExpr
  | expr op=('+' | '-') expr                                 # addExpr
  | expr op=('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in') expr  # compareExpr
  | expr 'like' STRING                                       # likeExpr
  | expr 'has' ID                                            # hasExpr
  | '!' expr                                                 # notExpr
  | expr '&&' expr                                           # andExpr
  | expr '||' expr                                           # orExpr
  | 'if' expr 'then' expr 'else' expr                        # ifExpr
  | <assoc=right> expr '=>' expr                             # impliesExpr
  ;

primary
  : 'true'                              # trueLit
  | 'false'                             # falseLit
  | (INT | DECIMAL) ID                  # moneyLit
  | INT                                 # intLit
  | DECIMAL                             # decimalLit
  | DURATION                            # durationLit
  | TIME                                # timeLit
  | STRING                              # stringLit
  | '[' (expr (',' expr)* ','?)? ']'    # setLit
  | 'has' 'user'                        # hasUserExpr
  | 'has' ID                            # hasNameExpr
  | 'now'                               # nowExpr
  | 'agent'                             # agentExpr
  | 'user'                              # userExpr
  | 'context'                           # contextExpr
  | ID '(' argList? ')'                 # callExpr
  | ID                                  # nameExpr
  | '(' expr ')'                        # parenExpr
  ;

argList : expr (',' expr)* ','? ;

// ---------------------------------------------------------------- lexer
// Keywords (reserved; spec section 2).
NAMESPACE : 'namespace' ;
IMPORT    : 'import' ;
ENTITY    : 'entity' ;
RECORD    : 'record' ;
ENUM      : 'enum' ;
ACTION    : 'action' ;
CONTEXT   : 'context' ;
AGENT     : 'agent' ;
DEF       : 'def' ;
PERMIT    : 'permit' ;
FORBID    : 'forbid' ;
ESCALATE  : 'escalate' ;
TO        : 'to' ;
WHEN      : 'when' ;
UNLESS    : 'unless' ;
ASSERT    : 'assert' ;
FOR       : 'for' ;
HAS       : 'has' ;
IN        : 'in' ;
LIKE      : 'like' ;
IF        : 'if' ;
THEN      : 'then' ;
ELSE      : 'else' ;
TRUE      : 'true' ;
FALSE     : 'false' ;
USER      : 'user' ;
NOW       : 'now' ;

// Punctuation and operators.
IMPLIES : '=>' ;
AND     : '&&' ;
OR      : '||' ;
EQ      : '==' ;
NE      : '!=' ;
LE      : '<=' ;
GE      : '>=' ;
LT      : '<' ;
GT      : '>' ;
NOT     : '!' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' ;
ASSIGN  : '=' ;
DOT     : '.' ;
COMMA   : ',' ;
COLON   : ':' ;
SEMI    : ';' ;
QUESTION: '?' ;
AT      : '@' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
LBRACE  : '{' ;
RBRACE  : '}' ;
LBRACK  : '[' ;
RBRACK  : ']' ;

// Literals. A Time is validated (calendar, UTC) by the AST builder; a date
// alone is midnight UTC. Money is an INT or DECIMAL followed by a currency
// code (an ID), so `49.99 USD` is two tokens.
TIME     : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT
           ( 'T' DIGIT DIGIT ':' DIGIT DIGIT ':' DIGIT DIGIT ('.' DIGIT+)?
             ( 'Z' | [+-] DIGIT DIGIT ':' DIGIT DIGIT )? )? ;
DURATION : DIGIT+ [smhd] ;
DECIMAL  : DIGIT+ '.' DIGIT+ ;
INT      : DIGIT+ ;
// A number glued to letters (`12EUR`, `30sec`): one token, one clear error.
BAD_NUMBER : DIGIT+ ('.' DIGIT+)? [A-Za-z_] [A-Za-z0-9_]* ;

ID : [A-Za-z_] [A-Za-z0-9_]* ;

// Escapes are decoded (and bad ones reported) by the AST builder, which also
// gives `\*` its glob meaning in `like` patterns.
STRING              : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '\\'? ;

LINE_COMMENT         : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT        : '/*' .*? '*/' -> channel(HIDDEN) ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* ;

WS : [ \t\r\n\u000C\uFEFF]+ -> channel(HIDDEN) ;

// Anything else is one error token, reported once by the parse stage.
ERROR_CHAR : . ;

fragment DIGIT : [0-9] ;
